// The exact UTF-8 byte length of JSON.stringify(value), computed without building the string.
// Task data is never mutated in place (steps write through copy-on-write drafts), so the size of
// every container is cached by identity: after a step, only the containers it copied are summed.

const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

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
    } else if (c >= 0xd800 && c <= 0xdfff) n += 6; // a lone surrogate is written as \udxxx
    else n += 3;
  }
  return n;
}

export type DataSizer = (value: unknown) => number;

/** A sizer with its own cache; share one per run. Values must be JSON (see toJsonValue). */
export function createDataSizer(): DataSizer {
  const cache = new WeakMap<object, number>();
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
    cache.set(value, n);
    return n;
  };
  return size;
}
