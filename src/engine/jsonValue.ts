// Values written into task data follow JSON (semantics 5): a fresh, plain copy is stored, and
// what JSON cannot hold (a function, a circular object, a BigInt) is an error naming its path.
import { formatPath, type PathKey } from './paths.ts';
import type { Json } from './types.ts';

/** How deep task data may nest (semantics 7); the same bound the decoders apply to input. */
export const MAX_JSON_DEPTH = 1000;

/** Keeps a very long path readable: its start and its end. */
const shorten = (text: string) => (text.length > 160 ? `${text.slice(0, 80)}…${text.slice(-60)}` : text);

export class JsonValueError extends Error {
  name = 'JsonValueError';
}

export const NOT_SCALAR: unique symbol = Symbol('not a scalar');

/** A scalar as JSON stores it (what toJsonValue returns for it), or NOT_SCALAR for anything else. */
export function jsonScalar(value: unknown): Json | undefined | typeof NOT_SCALAR {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
    case 'object':
      return value === null ? null : NOT_SCALAR;
    default:
      return NOT_SCALAR;
  }
}

/**
 * Copies `value` the way JSON.stringify would see it: undefined keys vanish (undefined in an
 * array becomes null), non-finite numbers become null, Dates become ISO strings via toJSON.
 * Returns undefined only for a top-level undefined. `at` names the value in error messages: a
 * path such as ['data', 'order'], or a phrase such as "the result of task.complete()".
 */
export function toJsonValue(value: unknown, at: readonly PathKey[] | string): Json | undefined {
  // Most values written are scalars: they need no copy, no path and no cycle check.
  const scalar = jsonScalar(value);
  if (scalar !== NOT_SCALAR) return scalar;
  const ancestors: object[] = [];
  const path: PathKey[] = typeof at === 'string' ? [] : [...at];
  const where = () => shorten(typeof at !== 'string' ? formatPath(path) : path.length > 0 ? `${at}, at ${formatPath(path)},` : at);
  const fail = (what: string) =>
    new JsonValueError(`${where()} is ${what}, which JSON cannot hold; store plain data (strings, numbers, booleans, null, arrays and objects)`);
  const copy = (v: unknown, key: string): Json | undefined => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON(key: string): unknown }).toJSON(key);
    }
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
      case 'undefined':
        return undefined;
      case 'bigint':
        throw fail('a BigInt');
      case 'symbol':
        throw fail('a symbol');
      case 'function':
        throw fail(`a function${v.name ? ` (${v.name})` : ''}`);
    }
    if (v === null) return null;
    const obj = v as object;
    if (ancestors.includes(obj)) throw fail('a circular reference (an object that contains itself)');
    // Every reader of task data (diff, tree views, size counting, the page) can then rely on it.
    if (ancestors.length >= MAX_JSON_DEPTH)
      throw new JsonValueError(`${where()} is nested more than ${MAX_JSON_DEPTH} levels deep; task data may nest at most ${MAX_JSON_DEPTH} levels`);
    if (obj instanceof Map || obj instanceof Set || obj instanceof WeakMap || obj instanceof WeakSet) throw fail(`a ${obj.constructor.name}`);
    if (obj instanceof Promise) throw fail('a Promise (did you forget an await?)');
    ancestors.push(obj);
    let out: Json;
    if (Array.isArray(obj)) {
      const list: Json[] = new Array(obj.length);
      for (let i = 0; i < obj.length; i++) {
        path.push(i);
        list[i] = copy(obj[i], String(i)) ?? null;
        path.pop();
      }
      out = list;
    } else {
      const record: { [key: string]: Json } = {};
      for (const k of Object.keys(obj)) {
        path.push(k);
        const item = copy((obj as Record<string, unknown>)[k], k);
        path.pop();
        if (item !== undefined) record[k] = item;
      }
      out = record;
    }
    ancestors.pop();
    return out;
  };
  try {
    return copy(value, '');
  } catch (error) {
    if (error instanceof RangeError) throw new JsonValueError(`${typeof at === 'string' ? at : formatPath(at)} is nested too deeply to store as JSON`);
    throw error;
  }
}

/**
 * A deep copy through JSON text: what a value becomes once stored or posted as JSON (undefined
 * and functions dropped, Dates as strings). The one place the engine copies this way.
 */
export function jsonCopy<T = Json>(value: unknown, replacer?: (key: string, value: unknown) => unknown): T {
  return JSON.parse(JSON.stringify(value, replacer) ?? 'null') as T;
}
