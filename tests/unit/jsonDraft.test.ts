import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataGuard } from '../../src/engine/dataGuard.ts';
import { applyJsonPatches, createJsonDraft } from '../../src/engine/jsonDraft.ts';
import type { JsonObject } from '../../src/engine/types.ts';

// Random edit scripts run twice: on a plain deep copy (the oracle) and through a draft.
type Op = { kind: string; path: string[]; value: number; n: number };
const KINDS = ['set', 'setObj', 'delete', 'push', 'pop', 'splice', 'unshift', 'copyFrom', 'sort', 'mutateHeld'];
const opFields = {
  path: fc.array(fc.constantFrom('a', 'b', '0', '1', 'list'), { minLength: 1, maxLength: 3 }),
  value: fc.integer({ min: 0, max: 9 }),
  n: fc.integer({ min: 0, max: 3 }),
};
const op = fc.record({ kind: fc.constantFrom(...KINDS, 'grow', 'shrink'), ...opFields });
const json: fc.Arbitrary<JsonObject> = fc
  .letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.integer({ min: 0, max: 9 }), tie('obj'), tie('arr')),
    obj: fc.dictionary(fc.constantFrom('a', 'b', 'list'), tie('node'), { maxKeys: 3 }),
    arr: fc.array(tie('node'), { maxLength: 3 }),
  }))
  .obj.map((v) => JSON.parse(JSON.stringify(v))) as fc.Arbitrary<JsonObject>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- random JSON is walked and written by key
function walk(root: any, path: string[]): any {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = node[key];
  }
  return node !== null && typeof node === 'object' ? node : null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- random JSON is walked and written by key
function play(root: any, ops: Op[], jsonOnly = false): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- holds whatever the ops moved
  let held: any = null;
  for (const o of ops) {
    const parent = walk(root, o.path);
    if (!parent) continue;
    const key = o.path[o.path.length - 1];
    // A named property of an array is not JSON: a copy (slice) drops it, a change in place keeps it.
    if (jsonOnly && Array.isArray(parent) && !/^\d+$/.test(key)) continue;
    const target = parent[key];
    switch (o.kind) {
      case 'set':
        parent[key] = o.value;
        break;
      case 'setText':
        parent[key] = `é${'"'.repeat(o.n)}${o.value}`;
        break;
      case 'setUndefined':
        parent[key] = undefined;
        break;
      case 'grow':
        if (Array.isArray(target)) target.length += o.n;
        break;
      case 'shrink':
        if (Array.isArray(target)) target.length = Math.min(target.length, o.n);
        break;
      case 'setObj':
        parent[key] = { v: o.value, list: [o.value] };
        break;
      case 'delete':
        delete parent[key];
        break;
      case 'copyFrom':
        if (o.path.length === 1 && key !== 'list') parent[key] = root.list ?? null;
        break;
      case 'mutateHeld':
        if (held && typeof held === 'object' && !Array.isArray(held)) held.z = o.value;
        held = target;
        break;
      default:
        if (!Array.isArray(target)) break;
        if (o.kind === 'push') target.push(o.value, { w: o.n });
        if (o.kind === 'pop') target.pop();
        if (o.kind === 'splice') target.splice(o.n, 1);
        if (o.kind === 'unshift') target.unshift(o.value);
        if (o.kind === 'sort') target.sort((x: unknown, y: unknown) => String(x).localeCompare(String(y)));
    }
  }
}

describe('jsonDraft', () => {
  it('gives the same data as plain mutation, leaves the base alone, and its patches replay both ways', () => {
    fc.assert(
      fc.property(json, fc.array(op, { maxLength: 8 }), (base, ops) => {
        const frozenBase = JSON.stringify(base);
        const oracle = JSON.parse(frozenBase);
        play(oracle, ops);
        const { draft, finalize } = createJsonDraft(base);
        play(draft, ops);
        const [next, patches, inverse] = finalize();
        const expected = JSON.parse(JSON.stringify(oracle));
        expect(JSON.parse(JSON.stringify(next))).toEqual(expected);
        expect(JSON.stringify(base)).toBe(frozenBase);
        expect(JSON.parse(JSON.stringify(applyJsonPatches(base, patches)))).toEqual(expected);
        expect(JSON.parse(JSON.stringify(applyJsonPatches(next, inverse)))).toEqual(JSON.parse(frozenBase));
      }),
      { numRuns: 2000 },
    );
  });

  it('shares untouched subtrees and returns the same object when nothing changed', () => {
    const base = { big: { rows: [1, 2, 3] }, small: { n: 1 } } as JsonObject;
    const a = createJsonDraft(base);
    (a.draft.small as { n: number }).n = 2;
    const [next] = a.finalize();
    expect(next.big).toBe(base.big);
    const b = createJsonDraft(base);
    void (b.draft.big as { rows: number[] }).rows.length;
    expect(b.finalize()[0]).toBe(base);
  });

  it('sizes each new version exactly, from the size of the one before (steps in a row, one guard)', () => {
    const sizing = fc.record({ kind: fc.constantFrom(...KINDS, 'setText', 'setUndefined', 'grow', 'shrink'), ...opFields });
    const exact = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
    fc.assert(
      fc.property(json, fc.array(fc.array(sizing, { maxLength: 5 }), { maxLength: 5 }), (base, steps) => {
        const guard = createDataGuard(1 << 20);
        let data = base;
        expect(guard.size(data)).toBe(exact(data));
        for (const ops of steps) {
          const { draft, finalize } = createJsonDraft(data);
          play(draft, ops);
          const [next, , , bytes] = guard.commit(data, finalize(), 'after this step');
          expect(bytes).toBe(exact(next));
          data = next;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finalizes and sizes by what changed: untouched rows of a copied array are not visited', () => {
    let visits = 0;
    // Rows that count every listing of their keys, as walking them (diffing, resolving, sizing) would.
    const rows = Array.from({ length: 200 }, (_, id) => new Proxy({ id, v: 0 }, { ownKeys: (t) => (visits++, Reflect.ownKeys(t)) }));
    const base = { rows, n: 0 } as unknown as JsonObject;
    const guard = createDataGuard(1 << 20);
    guard.size(base);
    let data = base;
    for (let i = 0; i < 3; i++) {
      const { draft, finalize } = createJsonDraft(data);
      (draft.rows as { v: number }[])[7 + i].v = i + 1;
      (draft as { n: number }).n++;
      visits = 0;
      data = guard.commit(data, finalize(), 'after this step')[0];
      // The changed row is copied once (one listing); the other 199 rows are left alone.
      expect(visits).toBeLessThanOrEqual(1);
    }
    expect((data.rows as { v: number }[]).slice(6, 11).map((r) => r.v)).toEqual([0, 1, 2, 3, 0]);
  });

  // In place (see draftInPlace.ts): every copy counts as large here, so each later step changes
  // in place what an earlier one copied. A twin task whose drafts always copy is the oracle.
  it('in place, steps in a row give the same data, patches, inverse and sizes as copies, and a failed step leaves nothing', () => {
    const sizing = fc.record({ kind: fc.constantFrom(...KINDS, 'setText', 'setUndefined', 'grow', 'shrink'), ...opFields });
    const outcome = fc.constantFrom('commit', 'commit', 'commit', 'fail', 'over the limit');
    const exact = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
    const inPlace = { allowedAt: () => true, minEntries: 1 };
    fc.assert(
      fc.property(json, fc.array(fc.record({ ops: fc.array(sizing, { maxLength: 5 }), end: outcome }), { maxLength: 6 }), (base, steps) => {
        const guard = createDataGuard(1 << 20);
        const twinGuard = createDataGuard(1 << 20);
        let data = structuredClone(base);
        let twin = structuredClone(base);
        guard.size(data);
        for (const { ops, end } of steps) {
          const before = JSON.stringify(data);
          const snapshot = structuredClone(data);
          const draft = createJsonDraft(data, inPlace);
          play(draft.draft, ops, true);
          if (end === 'fail') {
            draft.revert();
            expect(JSON.stringify(data)).toBe(before);
            expect(data).toEqual(snapshot);
            continue;
          }
          const copied = createJsonDraft(twin);
          play(copied.draft, ops, true);
          const [twinNext, twinPatches, twinInverse] = twinGuard.commit(twin, copied.finalize(), 'after this step');
          const [next, patches, inverse, bytes] = guard.commit(data, draft.finalize(), 'after this step');
          if (end === 'over the limit') {
            // As when maxDataBytes refuses the step: it was sized, then it is put back.
            draft.revert();
            expect(JSON.stringify(data)).toBe(before);
            expect(data).toEqual(snapshot);
            expect(guard.size(data)).toBe(exact(data));
            continue;
          }
          expect(JSON.stringify(next)).toBe(JSON.stringify(twinNext));
          expect(JSON.stringify(patches)).toBe(JSON.stringify(twinPatches));
          expect(JSON.stringify(inverse)).toBe(JSON.stringify(twinInverse));
          expect(bytes).toBe(exact(next));
          // Replaying may order an object's keys differently (a key deleted and set again): compared as values.
          expect(JSON.parse(JSON.stringify(applyJsonPatches(snapshot, patches)))).toEqual(JSON.parse(JSON.stringify(next)));
          expect(JSON.parse(JSON.stringify(applyJsonPatches(structuredClone(next), inverse)))).toEqual(JSON.parse(before));
          data = next;
          twin = twinNext;
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('a step writing one row of 5,000 changes the array in place once its task has copied it, not copying it again', () => {
    const inPlace = { allowedAt: () => true };
    const guard = createDataGuard(1 << 22);
    let data = { rows: Array.from({ length: 5000 }, (_, id) => ({ id, v: 0 })) } as JsonObject;
    guard.size(data);
    const versions: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const { draft, finalize } = createJsonDraft(data, inPlace);
      (draft.rows as { v: number }[])[100 * i].v = i + 1;
      const [next, patches, , bytes] = guard.commit(data, finalize(), 'after this step');
      expect(patches).toEqual([{ op: 'replace', path: ['rows', 100 * i, 'v'], value: i + 1 }]);
      expect(bytes).toBe(JSON.stringify(next).length);
      versions.push(next.rows);
      data = next;
    }
    // The first step copies the starting data's array (others may hold it); the next ones reuse that copy.
    expect(versions[1]).toBe(versions[0]);
    expect(versions[2]).toBe(versions[0]);
  });

  it('refuses writes after the step has finished', () => {
    const { draft, finalize } = createJsonDraft({ a: { b: 1 } });
    const held = draft.a as { b: number };
    finalize();
    expect(() => {
      held.b = 2;
    }).toThrow(/step has finished/);
  });
});
