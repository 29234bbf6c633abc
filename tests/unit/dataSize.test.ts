import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataSizer, jsonStringBytes } from '../../src/engine/dataSize.ts';
import { toJsonValue } from '../../src/engine/jsonValue.ts';

const exact = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

describe('data size: exact UTF-8 bytes of the JSON (semantics 7)', () => {
  it('equals the encoded JSON.stringify length for any JSON value (3,000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => createDataSizer()(v) === exact(v)),
      { numRuns: 2000 },
    );
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const v = { [a]: b, [b]: [a, -0, 1e21, 5e-7, null, true] };
        return createDataSizer()(v) === exact(v) && jsonStringBytes(a) === exact(a);
      }),
      { numRuns: 1000 },
    );
  });

  it('stays exact as data changes by copy-on-write, reusing cached sizes', () => {
    const size = createDataSizer();
    let data: { list: { id: number; note: string }[] } = { list: Array.from({ length: 50 }, (_, id) => ({ id, note: 'ü' })) };
    for (let i = 0; i < 50; i++) {
      const list = [...data.list];
      list[i] = { id: i, note: `“${i}”\n` };
      data = { list };
      expect(size(data)).toBe(exact(data));
    }
  });
});

describe('toJsonValue: what task data may hold (semantics 5)', () => {
  it('copies like JSON.stringify, and names the path of what JSON cannot hold', () => {
    expect(toJsonValue({ a: undefined, b: [undefined, NaN, -0], d: new Date(0) }, ['data'])).toEqual({ b: [null, null, 0], d: '1970-01-01T00:00:00.000Z' });
    const loop: Record<string, unknown> = {};
    loop.me = { back: loop };
    expect(() => toJsonValue(loop, ['data', 'x'])).toThrow(/^data\.x\.me\.back is a circular reference/);
    expect(() => toJsonValue({ n: 1n }, ['data'])).toThrow(/^data\.n is a BigInt/);
    expect(() => toJsonValue({ m: new Map() }, ['data'])).toThrow(/^data\.m is a Map/);
    expect(() => toJsonValue([Promise.resolve()], 'the result')).toThrow(/^the result, at 0, is a Promise/);
    const shared = { s: 1 };
    expect(toJsonValue({ a: shared, b: shared }, ['data'])).toEqual({ a: { s: 1 }, b: { s: 1 } });
  });
});
