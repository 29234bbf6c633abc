import { describe, expect, it } from 'vitest';
import { forkBranch, startPointOf, type Branch, type BranchesState } from '../../src/state/branches.ts';
import { compareBranches } from '../../src/state/compareBranches.ts';
import { run, step, workspace } from './helpers.ts';

const tiers = () =>
  workspace(
    [
      { name: 'Premium', source: step('{ customer: { tier: "premium" } }', 'data.customer.support = "white-glove";') },
      { name: 'Enterprise', source: step('{ customer: { tier: "enterprise" } }', 'data.customer.support = "dedicated"; task.complete();') },
    ],
    { customer: { tier: 'premium' } },
  );

describe('branch bookkeeping', () => {
  it('forks from the active branch, names the fork after its origin, and makes it active', () => {
    const start: BranchesState = {
      branches: [{ id: 1, name: 'main', parent: null, forkedAt: null, startData: undefined, workspace: null, events: [] }],
      active: 1,
    };
    const once = forkBranch(start, 1, { seq: 7, t: 1500 }, { a: 1 });
    expect(once.active).toBe(2);
    expect(once.branches[1]).toMatchObject({ id: 2, parent: 1, name: 'branch 2 (from main at t = 1.500 s)', startData: { a: 1 } });
    const twice = forkBranch(once, 2, null, { a: 2 });
    expect(twice.branches.map((b) => [b.id, b.parent])).toEqual([
      [1, null],
      [2, 1],
      [3, 2],
    ]);
    expect(twice.branches[2].name).toBe('branch 3 (from branch 2 (from main at t = 1.500 s))');
  });

  it('compares two branches: the steps each ran, where they first differ, and the final data', async () => {
    const ws = tiers();
    const main = await run(ws);
    const fork = await run(ws, { data: { customer: { tier: 'enterprise' } } });
    const a: Branch = { id: 1, name: 'main', parent: null, forkedAt: null, startData: undefined, workspace: ws, events: main.events };
    const b: Branch = { id: 2, name: 'fork', parent: 1, forkedAt: null, startData: {}, workspace: ws, events: fork.events };
    const comparison = compareBranches(a, b);
    expect(comparison.rows).toEqual([
      { t: 0, a: 'Premium', b: null, beforeFork: false },
      { t: 0, a: null, b: 'Enterprise', beforeFork: false },
    ]);
    expect(comparison.firstDifference).toBe(0);
    expect([comparison.statusA, comparison.statusB]).toEqual(['incomplete', 'done']);
    expect(comparison.data).toEqual([
      { path: 'customer.tier', kind: 'changed', before: 'premium', after: 'enterprise' },
      { path: 'customer.support', kind: 'changed', before: 'white-glove', after: 'dedicated' },
    ]);
  });

  it('lines runs up by virtual time and name: a fork goes on from its fork time, and its history is not a difference', async () => {
    // A poller: every 1 s it counts; at 3 it is done. The fork, made after the second count at
    // t = 1 s, starts from a count of 2 with a step that doubles the increment.
    const ws = workspace(
      [
        { name: 'Count', source: step('{ n: { $lt: 3 } }', 'await new Promise((r) => setTimeout(r, 1000)); data.n += data.by ?? 1; step.redo();') },
        { name: 'Finish', source: step('{ n: { $gte: 3 } }', 'task.complete();') },
      ],
      { n: 0 },
    );
    const main = await run(ws);
    const forkEvent = main.events.filter((e) => e.kind === 'step-finished')[1];
    const forkedAt = { seq: forkEvent.seq, t: forkEvent.t };
    const forked = await run(ws, { data: { n: 2, by: 2 }, startAt: forkedAt.t });
    // The fork's clock continues: its first event is at the fork's time, not 0.
    expect(forked.events[0].t).toBe(forkedAt.t);
    expect(forkedAt.t).toBe(2000);
    const a: Branch = { id: 1, name: 'main', parent: null, forkedAt: null, startData: undefined, workspace: ws, events: main.events };
    const b: Branch = { id: 2, name: 'fork', parent: 1, forkedAt, startData: { n: 2, by: 2 }, workspace: ws, events: forked.events };
    const { rows, firstDifference } = compareBranches(a, b);
    expect(rows.map((r) => [r.t, r.a, r.b, r.beforeFork])).toEqual([
      [0, 'Count', null, true],
      [1000, 'Count', null, true],
      [2000, 'Count', 'Count', false],
      [3000, 'Finish', 'Finish', false],
    ]);
    expect(firstDifference).toBeNull();
    expect(startPointOf(b)).toEqual({ data: { n: 2, by: 2 }, at: 2000 });
    expect(startPointOf(a)).toBeUndefined();
  });

  it('compares 5,000 step runs made at one virtual time without building a 25-million-cell table', () => {
    const ws = workspace([{ name: 'Lap', source: step('{ n: { $lt: 5000 } }', 'data.n++; step.redo();') }], { n: 0 });
    const events = (names: string[]) => [
      { kind: 'task-created', task: 't0', seq: 0, t: 0, data: {} },
      ...names.map((_, k) => ({ kind: 'step-started', task: 't0', seq: k + 1, t: 0, step: 0, run: k + 1 })),
    ];
    const laps = Array.from({ length: 5000 }, () => 'Lap');
    const a = { id: 1, name: 'main', parent: null, forkedAt: null, startData: undefined, workspace: ws, events: events(laps) } as unknown as Branch;
    const b = { ...a, id: 2, name: 'fork', events: events(laps.slice(0, 4990)) } as unknown as Branch;
    const { rows, firstDifference } = compareBranches(a, b);
    expect(rows).toHaveLength(5000);
    expect(firstDifference).toBe(4990);
    expect(rows[4990]).toEqual({ t: 0, a: 'Lap', b: null, beforeFork: false });
  });
});
