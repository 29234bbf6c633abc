// Helpers for dot paths such as `companies.3.research`.

export type PathKey = string | number;

/** Splits a dot path into keys; numeric segments stay strings so object keys like "3" work too. */
export function parseDotPath(path: string): string[] {
  if (path.trim() === '') throw new Error('the path is empty');
  return path.split('.');
}

/** Keys that reach a prototype instead of data; refused in every path user code supplies. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses a path that user code gave (an `into`); `__proto__`, `constructor` and `prototype` are refused. */
export function parseUserPath(path: string, what: string): string[] {
  const keys = parseDotPath(path);
  const unsafe = keys.find((key) => UNSAFE_KEYS.has(key));
  if (unsafe !== undefined) throw new Error(`${what} "${path}" is not allowed: "${unsafe}" would reach a prototype, not data`);
  return keys;
}

/** `order.items.0`; keys that would read ambiguously (empty, with dots or spaces) are quoted. */
export function formatPath(path: readonly PathKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((key, i) => (/^[^.\s"[\]]+$/.test(String(key)) ? `${i ? '.' : ''}${key}` : `[${JSON.stringify(String(key))}]`)).join('');
}

const hasOwn = Object.prototype.hasOwnProperty;
const INDEX = /^(0|[1-9]\d*)$/;

/**
 * Reads a value at a path; returns undefined when any segment is missing. Only the data's own
 * keys exist: nothing inherited (toString, constructor) and, on arrays, only indexes (no length).
 */
export function getAt(value: unknown, path: readonly PathKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current) ? !INDEX.test(String(key)) : !hasOwn.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key as string];
  }
  return current;
}

/** Whether one dot path is the other or lies inside it (either way): a change at one may affect the other. */
export function dotPathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

const isIndex = (key: string) => INDEX.test(key);

/**
 * Writes a value at a dot path, creating what is missing: an array where the next segment
 * is a number, an object elsewhere. Throws when a segment runs into a non-container.
 */
export function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const unsafe = path.find((key) => UNSAFE_KEYS.has(key));
  if (unsafe !== undefined) throw new Error(`cannot write to "${path.join('.')}": "${unsafe}" would reach a prototype, not data`);
  let current: Record<string, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let next = current[key];
    if (next === undefined || next === null) {
      next = isIndex(path[i + 1]) ? [] : {};
      current[key] = next;
    } else if (typeof next !== 'object') {
      throw new Error(`cannot write into "${path.slice(0, i + 1).join('.')}": it holds a ${typeof next}`);
    }
    current = next as Record<string, unknown>;
  }
  current[path[path.length - 1]] = value;
}
