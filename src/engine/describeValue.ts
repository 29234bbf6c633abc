// Short, readable renderings of condition patterns and data values for explanations and logs.
import { typePatternName } from './conditionTypes.ts';

/** Renders a condition pattern the way an author would write it: `"new"`, `String`, `/re/`, `{ $gt: 70 }`. */
export function describePattern(pattern: unknown): string {
  if (pattern === undefined) return 'undefined';
  if (pattern === null) return 'null';
  const typeName = typePatternName(pattern);
  if (typeName) return typeName;
  if (pattern instanceof RegExp) return String(pattern);
  if (pattern instanceof Date) return Number.isNaN(pattern.getTime()) ? 'Invalid Date' : `Date(${pattern.toISOString()})`;
  if (typeof pattern === 'string') return JSON.stringify(pattern);
  if (typeof pattern === 'number' || typeof pattern === 'boolean') return String(pattern);
  if (typeof pattern === 'function') return pattern.name || 'function';
  if (Array.isArray(pattern)) return `[${pattern.map(describePattern).join(', ')}]`;
  if (typeof pattern === 'object') {
    const entries = Object.entries(pattern as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${k}: ${describePattern(v)}`).join(', ')} }`;
  }
  return String(pattern);
}

/** Renders any runtime value compactly for a one-line log or verdict; long output is cut. */
export function describeValue(value: unknown, max = 200): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'function') text = `[function ${value.name || 'anonymous'}]`;
  else {
    try {
      text = JSON.stringify(value, jsonReplacer) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** JSON replacer that keeps Dates, regexes, Errors and functions readable instead of `{}`. */
export function jsonReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown> | undefined)?.[key];
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value === 'bigint') return `${value}n`;
  return value;
}

/** Renders console arguments the way a browser console would join them. */
export function formatLogArgs(args: unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : describeValue(arg, 4000))).join(' ');
}
