// The type patterns of a condition (String, Number, Boolean, Array, Object, Date) and their tests.
import { isPlainObject } from './plainValues.ts';

/** Set on the virtual Date class a step sees, so `Date` in a dynamic condition is the Date type. */
export const DATE_TYPE_MARK = Symbol.for('steplab.dateType');

const ISO_DATE_TIME = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?$/;

/** An ISO 8601 date-time (a date, a `T`, a time, an optional zone) naming a real calendar moment. */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  // Day 0 of the next month is the last day of this one (setUTCFullYear keeps years below 100).
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}

const isDate = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime())) || (typeof v === 'string' && isIsoDateTime(v));

const TYPES: [string, (v: unknown) => boolean][] = [
  ['String', (v) => typeof v === 'string'],
  ['Number', (v) => typeof v === 'number' && !Number.isNaN(v)],
  ['Boolean', (v) => typeof v === 'boolean'],
  ['Array', (v) => Array.isArray(v)],
  ['Object', isPlainObject],
  ['Date', isDate],
];
const BY_CLASS = new Map<unknown, string>([
  [String, 'String'],
  [Number, 'Number'],
  [Boolean, 'Boolean'],
  [Array, 'Array'],
  [Object, 'Object'],
  [Date, 'Date'],
]);
const TESTS = new Map(TYPES);

/** The name of a type pattern (`String`…`Date`), or null when the value is not one. */
export function typePatternName(pattern: unknown): string | null {
  if (typeof pattern !== 'function') return null;
  const name = BY_CLASS.get(pattern);
  if (name) return name;
  return (pattern as unknown as Record<symbol, unknown>)[DATE_TYPE_MARK] === true ? 'Date' : null;
}

/** The test of a type pattern, or undefined when the value is not one. */
export function typeTestOf(pattern: unknown): ((v: unknown) => boolean) | undefined {
  const name = typePatternName(pattern);
  return name ? TESTS.get(name) : undefined;
}

/** `$type` also takes lower-case names. */
export const TYPE_NAME_TESTS: Record<string, (v: unknown) => boolean> = {
  string: TESTS.get('String')!,
  number: TESTS.get('Number')!,
  boolean: TESTS.get('Boolean')!,
  array: TESTS.get('Array')!,
  object: isPlainObject,
  date: isDate,
  null: (v) => v === null,
};
