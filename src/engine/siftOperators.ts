// The sift operators a condition may use, and a cached tester for one operator at one value.
import * as siftNamespace from 'sift';

// sift is CommonJS under Node and ESM under Vite: under Node the operators sit on `default`.
type SiftLib = typeof siftNamespace;
const sift: SiftLib = '$all' in siftNamespace ? siftNamespace : (siftNamespace as unknown as { default: SiftLib }).default;

/** Value operators handed to sift. `$where` is deliberately absent, so sift rejects it. */
const VALUE_OPERATORS = {
  $eq: sift.$eq,
  $ne: sift.$ne,
  $gt: sift.$gt,
  $gte: sift.$gte,
  $lt: sift.$lt,
  $lte: sift.$lte,
  $in: sift.$in,
  $nin: sift.$nin,
  $exists: sift.$exists,
  $regex: sift.$regex,
  $options: sift.$options,
  $size: sift.$size,
  $all: sift.$all,
  $mod: sift.$mod,
};

export type SiftOperator = keyof typeof VALUE_OPERATORS;

export function isSiftOperator(key: string): key is SiftOperator {
  return Object.prototype.hasOwnProperty.call(VALUE_OPERATORS, key) && key !== '$options';
}

/**
 * Builds a tester for `{ [op]: param }` applied to one value. The value is wrapped in an
 * object so that `$exists` sees a missing key as missing.
 */
export function createOperatorTester(query: Record<string, unknown>): (value: unknown) => boolean {
  const tester = sift.createQueryTester({ v: query } as never, { operations: VALUE_OPERATORS as never });
  return (value) => tester(value === undefined ? {} : { v: value });
}
