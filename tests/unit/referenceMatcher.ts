// A small, obviously correct condition matcher written straight from the table in
// semantics.md section 3, used as the oracle for the compiled conditions. Value operators follow
// MongoDB: on an array value, a comparison holds when it holds for the array or any element.

type Rec = Record<string, unknown>;
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isObj = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
const ABSENT = Symbol('absent');

/** The value at a path, or ABSENT. Only own keys exist; arrays have only their indexes. */
function get(data: unknown, path: string[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return ABSENT;
    if (Array.isArray(v) ? !/^(0|[1-9]\d*)$/.test(k) || Number(k) >= v.length : !own(v as object, k)) return ABSENT;
    v = (v as Rec)[k];
  }
  return v;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TYPES = new Map<unknown, (v: unknown) => boolean>([
  [String, (v) => typeof v === 'string'],
  [Number, (v) => typeof v === 'number' && !Number.isNaN(v)],
  [Boolean, (v) => typeof v === 'boolean'],
  [Array, (v) => Array.isArray(v)],
  [Object, (v) => isObj(v)],
  // The generators only make real calendar dates, so the shape check is enough here.
  [Date, (v) => v instanceof Date || (typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v)))],
]);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => own(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

// sift, which the contract names for operators, also looks into nested arrays ([[1]] has 1).
const eq = (v: unknown, p: unknown): boolean => {
  if (p === null && (v === ABSENT || v === null)) return true;
  if (v === ABSENT) return false;
  return deepEqual(v, p) || (Array.isArray(v) && v.some((el) => eq(el, p)));
};
const candidates = (v: unknown): unknown[] => (v === ABSENT ? [] : Array.isArray(v) ? v.flat(Infinity) : [v]);
function compare(op: string, v: unknown, p: unknown): boolean {
  if (p === null) return (op === '$gte' || op === '$lte') && eq(v, null);
  return candidates(v).some((c) => {
    if (typeof c !== typeof p || (typeof c !== 'number' && typeof c !== 'string' && typeof c !== 'boolean')) return false;
    const [x, y] = [c as number, p as number];
    return op === '$gt' ? x > y : op === '$gte' ? x >= y : op === '$lt' ? x < y : x <= y;
  });
}
const regexHolds = (v: unknown, re: RegExp) => candidates(v).some((c) => typeof c === 'string' && re.test(c));

function operator(op: string, param: unknown, owner: Rec, v: unknown, data: unknown, path: string[]): boolean {
  switch (op) {
    case '$and':
      return (param as unknown[]).every((b) => matchAt(b, data, path));
    case '$or':
      return (param as unknown[]).some((b) => matchAt(b, data, path));
    case '$nor':
      return !(param as unknown[]).some((b) => matchAt(b, data, path));
    case '$not':
      return !matchAt(param, v, []);
    case '$elemMatch':
      return Array.isArray(v) && v.some((el) => matchAt(param, el, []));
    case '$type':
      return v !== ABSENT && TYPES.get(param)!(v);
    case '$options':
      return true;
    case '$eq':
      return eq(v, param);
    case '$ne':
      return !eq(v, param);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return compare(op, v, param);
    case '$in':
      return (param as unknown[]).some((p) => (p instanceof RegExp ? regexHolds(v, p) : eq(v, p)));
    case '$nin':
      return !(param as unknown[]).some((p) => (p instanceof RegExp ? regexHolds(v, p) : eq(v, p)));
    case '$exists':
      return param ? v !== ABSENT : v === ABSENT;
    case '$regex':
      return regexHolds(v, new RegExp(param as string, (owner.$options as string | undefined) ?? ''));
    case '$size':
      return Array.isArray(v) && v.length === param;
    case '$all':
      return (param as unknown[]).every((p) => eq(v, p)); // MongoDB: an $and of $eq
    case '$mod': {
      const [d, r] = param as [number, number];
      return candidates(v).some((c) => typeof c === 'number' && c % d === r);
    }
  }
  throw new Error(`reference matcher: no rule for ${op}`);
}

/** Does `pattern` match the value at `path` inside `data`? */
export function matchAt(pattern: unknown, data: unknown, path: string[]): boolean {
  const v = get(data, path);
  if (isObj(pattern) && !(pattern instanceof RegExp)) {
    const keys = Object.keys(pattern);
    if (keys.length === 0) return isObj(v); // {} matches any plain object
    return keys.every((k) => (k.startsWith('$') ? operator(k, pattern[k], pattern, v, data, path) : matchAt(pattern[k], data, [...path, ...k.split('.')])));
  }
  if (pattern === null) return v === ABSENT || v === null;
  if (TYPES.has(pattern)) return v !== ABSENT && TYPES.get(pattern)!(v);
  if (pattern instanceof RegExp) return typeof v === 'string' && pattern.test(v);
  if (Array.isArray(pattern)) return Array.isArray(v) && pattern.every((p) => v.some((el) => matchAt(p, el, [])));
  return v === pattern;
}

export const referenceMatch = (condition: unknown, data: unknown) => matchAt(condition, data, []);
