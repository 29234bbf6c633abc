// The exact UTF-8 byte length of JSON.stringify(value), computed without building the string.
// Task data is never mutated in place (steps write through copy-on-write drafts), so the size of
// every container is cached by identity. A container a draft copied is sized from its base's
// cached size plus the keys the step changed, so the check costs what the step changed, not the
// size of the arrays and objects around the change.
import { markSized, takeOrigin, type CopyOrigin } from './jsonDraft.ts';

const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const INDEX = /^(0|[1-9]\d*)$/;
/** Containers at least this large have their sizes cached (see size below). */
const CACHE_MIN_BYTES = 512;

/** Bytes of a string as a JSON string literal, quotes included, in UTF-8. */
export function jsonStringBytes(s: string): number {
  if (PLAIN_ASCII.test(s)) return s.length + 2;
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20) n += c === 0x22 || c === 0x5c ? 2 : 1;
      else n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff)
      n += 6; // a lone surrogate is written as \udxxx
    else n += 3;
  }
  return n;
}

export type DataSizer = (value: unknown) => number;

/** A sizer with its own cache; share one per run. Values must be JSON (see toJsonValue). */
export function createDataSizer(): DataSizer {
  const cache = new WeakMap<object, number>();
  /** How many entries each sized container writes (array length, or the object's JSON keys). */
  const counts = new WeakMap<object, number>();
  const has = (item: unknown) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol';
  /** Bytes of one entry without its comma, or -1 when JSON.stringify leaves it out. */
  const entry = (container: Record<string, unknown>, key: string, isArray: boolean): number => {
    if (isArray) return Number(key) < (container as unknown as unknown[]).length ? size(container[key] ?? null) : -1;
    if (!Object.prototype.hasOwnProperty.call(container, key)) return -1;
    const item = container[key];
    return has(item) ? jsonStringBytes(key) + 1 + size(item) : -1;
  };
  /** A copy's size from its base's: the entries at changed keys, and the commas between entries. */
  const sizeFromBase = (copy: object, { base, keys }: CopyOrigin): number => {
    const isArray = Array.isArray(copy);
    if (isArray !== Array.isArray(base)) return -1;
    // A base too small to be cached is not worth sizing twice: the copy is sized directly.
    const baseCount = counts.get(base);
    if (baseCount === undefined) return -1;
    const baseBytes = size(base);
    let n = baseBytes - Math.max(baseCount - 1, 0);
    let count = baseCount;
    const visit = (key: string) => {
      const before = entry(base as Record<string, unknown>, key, isArray);
      const after = entry(copy as Record<string, unknown>, key, isArray);
      n += Math.max(after, 0) - Math.max(before, 0);
      count += (after >= 0 ? 1 : 0) - (before >= 0 ? 1 : 0);
    };
    if (isArray) {
      // Indexes between the two lengths changed too (a shorter array drops them, a longer one
      // may hold holes, written as null), whether or not the step wrote them.
      const from = Math.min((base as unknown[]).length, (copy as unknown[]).length);
      const to = Math.max((base as unknown[]).length, (copy as unknown[]).length);
      for (const key of keys) if (INDEX.test(key) && Number(key) < from) visit(key);
      for (let i = from; i < to; i++) visit(String(i));
    } else for (const key of keys) visit(key);
    counts.set(copy, count);
    return n + Math.max(count - 1, 0);
  };
  const size = (value: unknown): number => {
    switch (typeof value) {
      case 'string':
        return jsonStringBytes(value);
      case 'number':
        return Number.isFinite(value) ? String(value).length : 4;
      case 'boolean':
        return value ? 4 : 5;
      case 'object':
        break;
      default:
        return 4; // what JSON.stringify writes for it inside an array: null
    }
    if (value === null) return 4;
    const known = cache.get(value);
    if (known !== undefined) return known;
    const origin = takeOrigin(value);
    if (origin) {
      const n = sizeFromBase(value, origin);
      if (n >= 0) {
        cache.set(value, n);
        markSized(value);
        return n;
      }
    }
    let n = 2;
    let items = 0;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) n += size(value[i] ?? null);
      items = value.length;
    } else {
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        n += jsonStringBytes(key) + 1 + size(item);
        items++;
      }
    }
    if (items > 1) n += items - 1;
    // Small containers are not remembered: sizing one again costs less than the two WeakMap
    // entries, which made sizing 5,000 rows of starting data take twice as long as copying them.
    if (n >= CACHE_MIN_BYTES) {
      cache.set(value, n);
      counts.set(value, items);
      markSized(value);
    }
    return n;
  };
  return size;
}
