// Checks and fixes an operator's parameter before (or instead of) handing it to sift.
import { typePatternName } from './conditionTypes.ts';
import { isPlainObject } from './plainValues.ts';
import { createOperatorTester } from './siftOperators.ts';

/** Value operators compare values; type patterns and functions make no sense inside them. */
export const VALUE_OPERATORS_WITH_VALUES = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$all', '$size', '$mod', '$regex', '$exists']);

/** The name of a type pattern (or other function) inside an operator's parameter, if any. */
export function findFunction(param: unknown): string | null {
  if (typeof param === 'function') return typePatternName(param) ?? `the function ${param.name || '(anonymous)'}`;
  if (Array.isArray(param)) {
    for (const item of param) {
      const found = findFunction(item);
      if (found) return found;
    }
  } else if (isPlainObject(param)) {
    for (const key of Object.keys(param)) {
      const found = findFunction(param[key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Operators where sift departs from MongoDB, tested here instead: `$mod` holds for numbers only
 * (sift takes null as 0; like sift's other operators it looks into nested arrays), `$size` counts the array itself (sift also counts nested arrays), and
 * a comparison with null is `$eq: null` for $gte/$lte and never holds for $gt/$lt.
 */
export function ownTester(op: string, param: unknown): ((v: unknown) => boolean) | null {
  if (op === '$mod') {
    const [divisor, remainder] = param as [number, number];
    const holds = (c: unknown) => typeof c === 'number' && c % divisor === remainder;
    return (v) => holds(v) || (Array.isArray(v) && v.flat(Infinity).some(holds));
  }
  if (op === '$size') return (v) => Array.isArray(v) && v.length === param;
  if (param === null && (op === '$gt' || op === '$lt')) return () => false;
  if (param === null && (op === '$gte' || op === '$lte')) return createOperatorTester({ $eq: null });
  return null;
}

/** Data holds dates as ISO strings, so a Date in an operator compares as its ISO string. */
export function datesAsIso(param: unknown): unknown {
  if (param instanceof Date) return Number.isNaN(param.getTime()) ? param : param.toISOString();
  if (Array.isArray(param)) return param.map(datesAsIso);
  return param;
}

/** sift accepts some nonsense silently (`$in: 5`), so shapes are checked here first. */
export function checkOperatorParam(op: string, param: unknown): string | null {
  if ((op === '$in' || op === '$nin' || op === '$all') && !Array.isArray(param)) return 'expects an array of values';
  if (op === '$size' && (typeof param !== 'number' || !Number.isInteger(param) || param < 0)) return 'expects a whole number';
  if (op === '$mod' && !(Array.isArray(param) && param.length === 2 && param.every((n) => typeof n === 'number') && param[0] !== 0)) {
    return 'expects [divisor, remainder] with a non-zero divisor';
  }
  if (op === '$regex' && typeof param !== 'string' && !(param instanceof RegExp)) return 'expects a pattern string or a regex';
  if (op === '$exists' && typeof param !== 'boolean' && param !== 0 && param !== 1) return 'expects true or false';
  return null;
}
