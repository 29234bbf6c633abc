import { describe, expect, it } from 'vitest';
import { compileCondition, ConditionError, explain } from '../../src/engine/compileCondition.ts';

const matches = (condition: unknown, data: unknown) => compileCondition(condition).test(data);

describe('condition table (semantics section 3)', () => {
  it('matches a subtree and ignores keys the condition does not list', () => {
    const data = { order: { status: 'new', id: 7, extra: { deep: true } }, other: 1 };
    expect(matches({ order: { status: 'new' } }, data)).toBe(true);
    expect(matches({ order: { status: 'old' } }, data)).toBe(false);
    expect(matches({ missing: { status: 'new' } }, data)).toBe(false);
  });

  it('compares literals strictly', () => {
    expect(matches({ n: 42 }, { n: 42 })).toBe(true);
    expect(matches({ n: 42 }, { n: '42' })).toBe(false);
    expect(matches({ b: true }, { b: 1 })).toBe(false);
    expect(matches({ s: 'x' }, { s: 'x' })).toBe(true);
  });

  it('null matches null or an absent key, nothing else', () => {
    expect(matches({ failed: null }, {})).toBe(true);
    expect(matches({ failed: null }, { failed: null })).toBe(true);
    expect(matches({ failed: null }, { failed: false })).toBe(false);
    expect(matches({ a: { failed: null } }, { a: { failed: true } })).toBe(false);
  });

  it('type names check the type; Number excludes NaN', () => {
    expect(matches({ v: String }, { v: '' })).toBe(true);
    expect(matches({ v: String }, { v: 1 })).toBe(false);
    expect(matches({ v: Number }, { v: 0 })).toBe(true);
    expect(matches({ v: Number }, { v: Number.NaN })).toBe(false);
    expect(matches({ v: Boolean }, { v: false })).toBe(true);
    expect(matches({ v: Boolean }, { v: 'false' })).toBe(false);
    expect(matches({ v: String }, {})).toBe(false);
  });

  it('Array matches arrays; Object matches plain objects only', () => {
    expect(matches({ v: Array }, { v: [] })).toBe(true);
    expect(matches({ v: Array }, { v: {} })).toBe(false);
    expect(matches({ v: Object }, { v: {} })).toBe(true);
    expect(matches({ v: Object }, { v: [] })).toBe(false);
    expect(matches({ v: Object }, { v: null })).toBe(false);
    expect(matches({ v: Object }, { v: new Date(0) })).toBe(false);
  });

  it('a regex matches strings only', () => {
    expect(matches({ email: /@example\.com$/ }, { email: 'a@example.com' })).toBe(true);
    expect(matches({ email: /@example\.com$/ }, { email: 'a@other.org' })).toBe(false);
    expect(matches({ n: /1/ }, { n: 1 })).toBe(false);
    const global = /a/g;
    expect(matches({ s: global }, { s: 'a' })).toBe(true);
    expect(matches({ s: global }, { s: 'a' })).toBe(true);
  });

  it('an array pattern needs every item to match some element', () => {
    expect(matches({ tags: ['vip', 'eu'] }, { tags: ['eu', 'x', 'vip'] })).toBe(true);
    expect(matches({ tags: ['vip', 'eu'] }, { tags: ['eu'] })).toBe(false);
    expect(matches({ items: [{ sku: String }] }, { items: [{ sku: 'A', q: 1 }] })).toBe(true);
    expect(matches({ items: [{ sku: String }] }, { items: [{ q: 1 }] })).toBe(false);
    expect(matches({ tags: ['vip'] }, { tags: 'vip' })).toBe(false);
  });

  it('supports every listed $ operator via sift', () => {
    const d = { n: 5, s: 'Hello', a: [1, 2, 3], o: { k: 1 } };
    const cases: [unknown, boolean][] = [
      [{ n: { $eq: 5 } }, true],
      [{ n: { $ne: 5 } }, false],
      [{ n: { $gt: 4 } }, true],
      [{ n: { $gte: 6 } }, false],
      [{ n: { $lt: 6 } }, true],
      [{ n: { $lte: 4 } }, false],
      [{ n: { $in: [1, 5] } }, true],
      [{ n: { $nin: [1, 5] } }, false],
      [{ missing: { $exists: false } }, true],
      [{ n: { $exists: true } }, true],
      [{ s: { $regex: '^hel', $options: 'i' } }, true],
      [{ a: { $size: 3 } }, true],
      [{ a: { $all: [1, 3] } }, true],
      [{ a: { $elemMatch: { $gt: 2 } } }, true],
      [{ n: { $not: { $gt: 4 } } }, false],
      [{ n: { $type: Number } }, true],
      [{ o: { $type: 'object' } }, true],
      [{ a: { $type: Object } }, false],
      [{ n: { $mod: [2, 1] } }, true],
    ];
    for (const [condition, expected] of cases) expect([condition, matches(condition, d)]).toEqual([condition, expected]);
  });

  it('$ne: null needs a present, non-null value (the seed best-practice)', () => {
    expect(matches({ order: { total: { $ne: null } } }, { order: { total: 10 } })).toBe(true);
    expect(matches({ order: { total: { $ne: null } } }, { order: {} })).toBe(false);
  });

  it('$and, $or and $nor work at any level with subtree branches', () => {
    const data = { order: { status: 'new', total: 50 } };
    expect(matches({ $or: [{ order: { status: 'old' } }, { order: { total: { $gt: 10 } } }] }, data)).toBe(true);
    expect(matches({ order: { $or: [{ status: 'old' }, { status: 'gone' }] } }, data)).toBe(false);
    expect(matches({ order: { $and: [{ status: 'new' }, { total: 50 }] } }, data)).toBe(true);
    expect(matches({ order: { $nor: [{ status: 'new' }] } }, data)).toBe(false);
  });

  it('an object may mix plain keys with $ operators', () => {
    expect(matches({ order: { status: 'new', $or: [{ total: 1 }, { total: 50 }] } }, { order: { status: 'new', total: 50 } })).toBe(true);
  });

  it('rejects $where, unknown operators and empty conditions, naming the path and operator', () => {
    const error = (c: unknown) => {
      try {
        compileCondition(c);
      } catch (e) {
        return e as ConditionError;
      }
      throw new Error('expected an error');
    };
    const where = error({ a: { $where: 'true' } });
    expect(where).toBeInstanceOf(ConditionError);
    expect(where.operator).toBe('$where');
    expect(where.path).toBe('a');
    const unknown = error({ order: { total: { $between: [1, 2] } } });
    expect(unknown.message).toContain('$between');
    expect(unknown.path).toBe('order.total');
    expect(error({}).message).toMatch(/empty/);
    expect(error({ a: { $in: 5 } }).operator).toBe('$in');
  });
});

describe('explain', () => {
  it('returns every leaf, including those after a failing one', () => {
    const result = explain(
      { order: { status: 'validated', total: { $gt: 100 }, customer: { email: String } } },
      { order: { status: 'processing', total: 250, customer: {} } },
    );
    expect(result.match).toBe(false);
    expect(result.leaves).toEqual([
      { path: 'order.status', expected: '"validated"', actual: 'processing', pass: false },
      { path: 'order.total', expected: '$gt 100', actual: 250, pass: true },
      { path: 'order.customer.email', expected: 'String', actual: undefined, pass: false },
    ]);
  });

  it('labels leaves inside $or with their branch', () => {
    const { leaves, match } = explain({ $or: [{ a: 1 }, { b: 2 }] }, { b: 2 });
    expect(match).toBe(true);
    expect(leaves.map((l) => [l.path, l.via, l.pass])).toEqual([
      ['a', '$or[0]', false],
      ['b', '$or[1]', true],
    ]);
  });

  it('reports the paths a condition reads', () => {
    expect(compileCondition({ order: { status: 'new', customer: { tier: String } }, x: 1 }).reads).toEqual([
      ['order', 'status'],
      ['order', 'customer', 'tier'],
      ['x'],
    ]);
  });
});

describe('precise points of section 3 (2026-11-28)', () => {
  const error = (c: unknown) => {
    try {
      compileCondition(c);
    } catch (e) {
      return e as ConditionError;
    }
    throw new Error('expected an error');
  };

  it('only own keys exist: prototype members are never read as data', () => {
    expect(matches({ toString: null }, {})).toBe(true);
    expect(matches({ constructor: { $exists: false } }, { a: 1 })).toBe(true);
    expect(matches({ o: { valueOf: null } }, { o: {} })).toBe(true);
    expect(matches({ hasOwnProperty: Object }, {})).toBe(false);
    expect(matches({ toString: 'x' }, { toString: 'x' })).toBe(true);
    expect(matches({ list: { length: null } }, { list: [1, 2] })).toBe(true);
    expect(matches({ list: { 1: 2 } }, { list: [1, 2] })).toBe(true);
  });

  it('a dotted key is a path', () => {
    expect(matches({ 'order.status': 'new' }, { order: { status: 'new' } })).toBe(true);
    expect(matches({ 'order.status': 'new' }, { 'order.status': 'new' })).toBe(false);
    expect(matches({ 'items.0.sku': 'A' }, { items: [{ sku: 'A' }] })).toBe(true);
    expect(matches({ 'order.total': { $gt: 5 } }, { order: { total: 6 } })).toBe(true);
    expect(compileCondition({ 'order.status': 'new' }).reads).toEqual([['order', 'status']]);
    expect(error({ 'a..b': 1 }).message).toMatch(/empty part/);
  });

  it('{} matches any plain object, [] any array', () => {
    expect(matches({ o: {} }, { o: { a: 1 } })).toBe(true);
    expect(matches({ o: {} }, { o: [] })).toBe(false);
    expect(matches({ a: [] }, { a: [1] })).toBe(true);
    expect(matches({ a: [] }, { a: {} })).toBe(false);
  });

  it('Date matches an ISO 8601 date-time string or a Date', () => {
    expect(matches({ at: Date }, { at: '2025-01-01T00:00:00.000Z' })).toBe(true);
    expect(matches({ at: Date }, { at: '2025-01-01T10:30+02:00' })).toBe(true);
    expect(matches({ at: Date }, { at: new Date(0) })).toBe(true);
    expect(matches({ at: Date }, { at: '2025-01-01' })).toBe(false);
    expect(matches({ at: Date }, { at: '2025-02-30T00:00:00Z' })).toBe(false);
    expect(matches({ at: Date }, { at: 'yesterday' })).toBe(false);
    expect(matches({ at: Date }, { at: 1735689600000 })).toBe(false);
    expect(matches({ at: { $type: Date } }, { at: '2025-01-01T00:00:00Z' })).toBe(true);
    expect(matches({ at: new Date('2025-01-01T00:00:00Z') }, { at: '2025-01-01T00:00:00.000Z' })).toBe(true);
    expect(matches({ at: { $lt: new Date('2025-06-01T00:00:00Z') } }, { at: '2025-01-01T00:00:00.000Z' })).toBe(true);
  });

  it('type patterns inside a value operator make the condition invalid', () => {
    for (const c of [{ a: { $in: [String] } }, { a: { $eq: Number } }, { a: { $ne: Date } }, { a: { $all: [Boolean] } }]) {
      expect(error(c).message).toMatch(/is a type pattern, which cannot be used inside \$\w+ \(at a\)/);
    }
    expect(matches({ a: { $not: String } }, { a: 1 })).toBe(true);
    expect(matches({ a: { $elemMatch: { b: String } } }, { a: [{ b: 'x' }] })).toBe(true);
    expect(matches({ a: [String] }, { a: ['x'] })).toBe(true);
  });

  it('invalid operators name the operator and the path', () => {
    expect(error({ order: { total: { $foo: 1 } } }).message).toBe('$foo is an unknown operator (at order.total)');
    expect(error({ order: { total: { $where: 'x' } } }).message).toMatch(/^\$where is an unknown operator \(at order\.total\)/);
    expect(error({ 'order.total': { $foo: 1 } }).message).toBe('$foo is an unknown operator (at order.total)');
    expect(error({ items: { $elemMatch: { price: { $foo: 1 } } } }).message).toBe('$foo is an unknown operator (at items.price)');
    expect(error({ $foo: 1 }).message).toBe('$foo is an unknown operator (at the top level)');
    expect(error({ a: { $in: 5 } }).message).toBe('$in expects an array of values (at a)');
  });
});

describe('operators where sift departs from MongoDB', () => {
  it('$mod holds for numbers only; $size counts the array itself; comparisons with null', () => {
    expect(matches({ a: { $mod: [2, 0] } }, { a: null })).toBe(false);
    expect(matches({ a: { $mod: [2, 0] } }, { a: [3, 4] })).toBe(true);
    expect(matches({ a: { $size: 0 } }, { a: [[]] })).toBe(false);
    expect(matches({ a: { $gt: null } }, { a: [[1]] })).toBe(false);
    expect(matches({ a: { $gte: null } }, { a: [] })).toBe(false);
    expect(matches({ a: { $lte: null } }, {})).toBe(true);
  });
});
