import { describe, expect, it } from 'vitest';
import type { StepCheck } from '../../src/engine/checkSteps.ts';
import { createDataIndex } from '../../src/engine/traceFold.ts';
import { diffData, pathHistory, verdictFor } from '../../src/state/inspect.ts';
import { frameAt, stepRunsOf, type Frame } from '../../src/state/replay.ts';
import { runSteps, step } from './helpers.ts';

const leaf = (path: string, expected: string, actual: unknown, pass: boolean) => ({ path, expected, actual, pass });
const check = (match: boolean, leaves = [leaf('order.status', '"new"', 'new', true)]): StepCheck => ({
  valid: true,
  error: null,
  match,
  leaves,
  reads: [],
  writes: [],
});
const frame = (over: Partial<Frame>): Frame => ({ run: null, states: [], counts: [], redos: [], ready: [], changed: [], status: null, ...over });
const names = ['Payment', 'Inventory', 'Ship'];

describe('verdict sentences', () => {
  it('names the failing leaf, its expected and actual value', () => {
    const c = check(false, [
      leaf('order.status', '"validated"', 'processing', false),
      leaf('order.id', 'String', 'A1', true),
      leaf('x', 'Number', undefined, true),
    ]);
    expect(verdictFor(2, names, true, c, frame({}))).toBe('No match: 1 of 3 leaves fail: `order.status` expected "validated", actual "processing".');
  });

  it('says when a matching step already ran, waits behind another, runs next, or ran here', () => {
    expect(verdictFor(1, names, true, check(true), frame({ ready: [] }))).toBe('Matched, but already ran (no redo).');
    expect(verdictFor(1, names, true, check(true), frame({ ready: [0, 1] }))).toBe('Matched; waits behind ‘Payment’ (earlier in the list).');
    expect(verdictFor(0, names, true, check(true), frame({ ready: [0, 1] }))).toBe('Matched; runs next.');
    const ranHere = frame({ run: { seq: 5, startSeq: 3, task: 't0', step: 2, t: 0, failed: false } });
    expect(verdictFor(2, names, true, check(true), ranHere)).toBe('Matched and ran here.');
    expect(verdictFor(2, names, true, check(false), ranHere)).toBe('Matched and ran here; after its changes it no longer matches.');
  });

  it('covers invalid and disabled steps', () => {
    const invalid: StepCheck = { ...check(false), valid: false, error: { message: '$where is not allowed', line: 2, column: 5 } };
    expect(verdictFor(0, names, true, invalid, frame({}))).toBe('Invalid (line 2:5): $where is not allowed. It never runs.');
    expect(verdictFor(0, names, false, check(true), frame({}))).toBe('Disabled: switched off by the author, so it never runs.');
  });
});

describe('diffData', () => {
  it('lists added, removed and changed paths with before and after values', () => {
    const before = { order: { status: 'new', items: [1, 2], old: true } };
    const after = { order: { status: 'done', items: [1, 2, 3], note: 'x' } };
    expect(diffData(before, after)).toEqual([
      { path: 'order.status', kind: 'changed', before: 'new', after: 'done' },
      { path: 'order.items.2', kind: 'added', after: 3 },
      { path: 'order.old', kind: 'removed', before: true },
      { path: 'order.note', kind: 'added', after: 'x' },
    ]);
    expect(diffData({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', kind: 'changed', before: [1], after: { 0: 1 } }]);
  });
});

describe('trace fold and path history', () => {
  it('folds the trace at any step run and lists every change of a path', async () => {
    const result = await runSteps(
      [step('{ n: { $lt: 3 } }', 'data.n++; data.log = (data.log || []).concat(data.n); step.redo(); task.park(1000);'), step('{ n: 3 }', 'data.done = true;')],
      { n: 0 },
    );
    const runs = stepRunsOf(result.events);
    expect(runs.map((r) => r.step)).toEqual([0, 0, 0, 1]);
    const meta = [
      { enabled: true, valid: true },
      { enabled: true, valid: true },
    ];
    const second = frameAt(result.events, runs, 1, meta);
    expect(second.counts).toEqual([2, 0]);
    expect(second.states).toEqual(['running', 'never']);
    expect(second.changed).toEqual(['n', 'log']);
    const index = createDataIndex(result.events);
    expect(index.dataAt('t0', runs[1].seq)).toEqual({ n: 2, log: [1, 2] });
    const history = pathHistory(result.events, index, 't0', 'n');
    expect(history.map((h) => [h.t, h.before, h.after, h.step])).toEqual([
      [0, 0, 1, 0],
      [1000, 1, 2, 0],
      [2000, 2, 3, 0],
    ]);
    expect(pathHistory(result.events, index, 't0', 'done').map((h) => h.after)).toEqual([true]);
  });
});
