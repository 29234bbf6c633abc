// The exact UTF-8 byte length of JSON.stringify(value), computed without building the string.
// The size of every large container is cached by identity. A container a draft copied is sized
// from its base's cached size plus the keys the step changed, so the check costs what the step
// changed, not the size of the arrays and objects around the change. The few containers a draft
// changed in place (draftCopy.ts) report their old entries, so their sizes are updated the
// same way, and their parents learn by how much they grew.
import { ABSENT, markSized, takeInPlace, takeOrigin, type CopyOrigin, type InPlaceOrigin } from './draftOrigins.ts';

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
  /** By how many bytes each container changed in place has grown, during one sizing. */
  const grown = new Map<object, number>();
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
      const after = entry(copy as Record<string, unknown>, key, isArray);
      const same = (base as Record<string, unknown>)[key] === (copy as Record<string, unknown>)[key] && after >= 0;
      const before = same ? after - (grown.get((copy as Record<string, object>)[key]) ?? 0) : entry(base as Record<string, unknown>, key, isArray);
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
    const [n, items] = measure(value);
    remember(value, n, items);
    return n;
  };
  /** A container's size and entry count, walking all its entries. */
  const measure = (value: object): [number, number] => {
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
    return [n, items];
  };
  // Small containers are not remembered: sizing one again costs less than the two WeakMap
  // entries, which made sizing 5,000 rows of starting data take twice as long as copying them.
  const remember = (value: object, n: number, items: number) => {
    if (n < CACHE_MIN_BYTES) return;
    cache.set(value, n);
    counts.set(value, items);
    markSized(value);
  };
  /** Updates the size of a container changed in place, and notes by how much it grew. */
  const changedInPlace = (container: object, { keys, undo, oldLength }: InPlaceOrigin) => {
    const isArray = Array.isArray(container);
    const c = container as Record<string, unknown>;
    let entries = 0;
    let countDelta = 0;
    const visit = (key: string) => {
      const after = entry(c, key, isArray);
      const was = undo.has(key) ? undo.get(key) : c[key];
      let before: number;
      if (was === c[key] && after >= 0) before = after - (was !== null && typeof was === 'object' ? (grown.get(was) ?? 0) : 0);
      else if (isArray) before = Number(key) < oldLength ? size(was === ABSENT || was === undefined ? null : was) : -1;
      else before = was === ABSENT || !has(was) ? -1 : jsonStringBytes(key) + 1 + size(was);
      entries += Math.max(after, 0) - Math.max(before, 0);
      countDelta += (after >= 0 ? 1 : 0) - (before >= 0 ? 1 : 0);
    };
    if (isArray) {
      const length = (container as unknown[]).length;
      const from = Math.min(oldLength, length);
      for (const key of keys) if (INDEX.test(key) && Number(key) < from) visit(key);
      for (let i = from; i < Math.max(oldLength, length); i++) visit(String(i));
    } else for (const key of keys) visit(key);
    const known = cache.get(container);
    const knownCount = counts.get(container);
    let n: number;
    let items: number;
    if (known !== undefined && knownCount !== undefined) {
      items = knownCount + countDelta;
      n = known - Math.max(knownCount - 1, 0) + entries + Math.max(items - 1, 0);
    } else [n, items] = measure(container);
    const oldItems = items - countDelta;
    grown.set(container, entries + Math.max(items - 1, 0) - Math.max(oldItems - 1, 0));
    cache.delete(container);
    counts.delete(container);
    remember(container, n, items);
  };
  return (value: unknown): number => {
    grown.clear();
    for (const [container, origin] of takeInPlace()) {
      if (origin) changedInPlace(container, origin);
      else {
        cache.delete(container);
        counts.delete(container);
      }
    }
    return size(value);
  };
}
