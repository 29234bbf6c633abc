import { describe, expect, it } from 'vitest';
import { compareBranches, forkBranch, type Branch, type BranchesState } from '../../src/state/branches.ts';
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
    expect(comparison.ranA).toEqual(['Premium']);
    expect(comparison.ranB).toEqual(['Enterprise']);
    expect(comparison.firstDifference).toBe(0);
    expect([comparison.statusA, comparison.statusB]).toEqual(['incomplete', 'done']);
    expect(comparison.data).toEqual([
      { path: 'customer.tier', kind: 'changed', before: 'premium', after: 'enterprise' },
      { path: 'customer.support', kind: 'changed', before: 'white-glove', after: 'dedicated' },
    ]);
  });
});
