// Differential test: compiled conditions against the reference matcher (referenceMatcher.ts) on
// random patterns and data, with prototype-named keys, dotted keys, Date strings, null against
// absent, arrays of objects and every operator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/engine/compileCondition.ts';
import { referenceMatch } from './referenceMatcher.ts';

const KEYS = ['a', 'b', 'toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'length', '0', '1'];
const key = fc.constantFrom(...KEYS);
const STRINGS = ['x', 'new', 'a.b', '', 'toString', '2025-01-01T00:00:00.000Z', '2025-06-30T12:30:00+02:00', '2025-01-01', 'not a date'];
const scalar = fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom(...STRINGS), fc.boolean(), fc.constant(null));

/** Plain JSON data; objects are built with fromEntries so "__proto__" is an own key, as JSON.parse makes it. */
const data: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), fc.array(tie('value'), { maxLength: 3 })),
  object: fc.uniqueArray(fc.tuple(key, tie('value')), { maxLength: 4, selector: ([k]) => k }).map((entries) => Object.fromEntries(entries)),
})).object;

const TYPES = [String, Number, Boolean, Array, Object, Date];
const opParam = {
  compare: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom('x', 'new', '2025-01-01T00:00:00.000Z'), fc.boolean(), fc.constant(null)),
};
const valueOperator = fc.oneof(
  fc.tuple(fc.constantFrom('$eq', '$ne'), fc.oneof(scalar, fc.constant({ a: 1 }), fc.constant([1, 2]))).map(([op, p]) => ({ [op]: p })),
  fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), opParam.compare).map(([op, p]) => ({ [op]: p })),
  fc.tuple(fc.constantFrom('$in', '$nin'), fc.array(fc.oneof(scalar, fc.constant(/^n/)), { maxLength: 3 })).map(([op, p]) => ({ [op]: p })),
  fc.boolean().map((p) => ({ $exists: p })),
  fc.constantFrom({ $regex: '^n' }, { $regex: 'X', $options: 'i' }, { $regex: '\\.' }),
  fc.integer({ min: 0, max: 3 }).map((n) => ({ $size: n })),
  fc.array(scalar, { minLength: 1, maxLength: 2 }).map((p) => ({ $all: p })),
  fc.tuple(fc.constantFrom(2, 3, -2), fc.integer({ min: -1, max: 1 })).map(([d, r]) => ({ $mod: [d, r] })),
  fc.constantFrom(...TYPES).map((t) => ({ $type: t })),
);

const pattern: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    scalar,
    fc.constantFrom(...TYPES),
    fc.constantFrom(/^n/, /x/i, /\d/),
    fc.constant({}),
    fc.constant([]),
    valueOperator,
    fc.array(tie('leaf'), { minLength: 1, maxLength: 2 }),
  ),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('object'), tie('special')),
  special: fc.oneof(
    fc.tuple(fc.constantFrom('$and', '$or', '$nor'), fc.array(tie('object'), { minLength: 1, maxLength: 2 })).map(([op, bs]) => ({ [op]: bs })),
    tie('node').map((p) => ({ $not: p })),
    tie('object').map((p) => ({ $elemMatch: p })),
  ),
  object: fc
    .uniqueArray(fc.tuple(fc.oneof(key, fc.constantFrom('a.b', 'a.0', 'b.toString', 'a.a.b')), tie('node')), {
      minLength: 1,
      maxLength: 3,
      selector: ([k]) => k,
    })
    .map((entries) => Object.fromEntries(entries)),
})).object;

describe('conditions: compiled vs the reference matcher from the section 3 table', () => {
  it('agree on random patterns and data (6,000 cases)', () => {
    fc.assert(
      fc.property(pattern, data, (condition, value) => {
        let compiled;
        try {
          compiled = compileCondition(condition);
        } catch {
          return; // an invalid condition has no verdict; fuzz.test.ts checks its error
        }
        expect(compiled.test(value)).toBe(referenceMatch(condition, value));
        // The explanation covers every leaf and never contradicts a plain AND of leaves.
        const leaves = compiled.explain(value);
        if (leaves.every((l) => !l.via)) expect(leaves.every((l) => l.pass)).toBe(compiled.test(value));
      }),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 6000) },
    );
  }, 120_000);

  it('agree on the listed corner cases', () => {
    const iso = '2025-01-01T00:00:00.000Z';
    const cases: [unknown, unknown][] = [
      [{ toString: null }, {}],
      [{ constructor: { $exists: false } }, { a: 1 }],
      [{ o: { valueOf: null } }, { o: {} }],
      [{ 'a.b': 1 }, { a: { b: 1 } }],
      [{ 'a.b': 1 }, { 'a.b': 1 }],
      [{ a: Date }, { a: iso }],
      [{ a: Date }, { a: '2025-01-01' }],
      [{ a: null }, {}],
      [{ a: null }, { a: null }],
      [{ a: { $exists: true } }, { a: null }],
      [{ a: [{ b: 1 }] }, { a: [{ b: 1, c: 2 }] }],
      [{ a: { $elemMatch: { b: { $gt: 1 } } } }, { a: [{ b: 1 }, { b: 2 }] }],
      [JSON.parse('{"__proto__": null}'), JSON.parse('{"__proto__": 1}')],
      [JSON.parse('{"__proto__": 1}'), JSON.parse('{"__proto__": 1}')],
    ];
    for (const [condition, value] of cases) expect([condition, compileCondition(condition).test(value)]).toEqual([condition, referenceMatch(condition, value)]);
  });
});
