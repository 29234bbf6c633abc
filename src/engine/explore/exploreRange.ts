// Runs a range of generated variants and groups their outcomes. Each range is independent (a
// variant is a function of the seed and its index), so ranges can go to any worker in any order
// and merge into the same classes: per class the count, and the example with the lowest index.
import { emptyCoverage } from '../coverage.ts';
import { createCoveredRun } from '../coveredRun.ts';
import type { ExploreChunk, ExploredClass } from './exploreChunk.ts';
import { loadSteps, type RunHost, type RunOptions } from '../createRun.ts';
import type { Workspace } from '../types.ts';
import { classOf } from './outcomeClass.ts';
import { createVariantSpace, type VariantSpace } from './variantSpace.ts';

export type { ExploreChunk, ExploredClass } from './exploreChunk.ts';
export { DEFAULT_EXPLORE_RUNS, emptyChunk, MAX_EXPLORE_RUNS, mergeChunk } from './exploreChunk.ts';

export interface ExploreHooks {
  /** Called before each variant runs: a watchdog that kills the worker knows which one hung. */
  onVariant?: (index: number) => void;
  onSlice?: RunOptions['onSlice'];
  /** Every trace event; a watchdog learns from `step-started` which step's code runs next. */
  onEvent?: RunOptions['onEvent'];
}

/**
 * The variant space for a workspace and seed. A host calls with a fresh copy of the workspace
 * for every range (it crossed a message channel), so the last space is kept by content.
 */
let last: { key: string; space: VariantSpace } | null = null;
export function variantSpaceOf(workspace: Workspace, seed: number): VariantSpace {
  const key = JSON.stringify([seed, workspace.steps, workspace.tasks]);
  if (last?.key !== key) last = { key, space: createVariantSpace(workspace, seed) };
  return last.space;
}

/** Runs variants [from, from + count) of the workspace's space for `seed`. */
export async function exploreRange(
  workspace: Workspace,
  seed: number,
  from: number,
  count: number,
  host: RunHost,
  hooks: ExploreHooks = {},
): Promise<ExploreChunk> {
  const space = variantSpaceOf(workspace, seed);
  const steps = loadSteps(workspace);
  const coverage = emptyCoverage(workspace.steps);
  const classes = new Map<string, ExploredClass>();
  let stepRuns = 0;
  for (let index = from; index < from + count; index++) {
    hooks.onVariant?.(index);
    const data = space.variant(index);
    const run = createCoveredRun(workspace, { host, steps, data, onSlice: hooks.onSlice, onEvent: hooks.onEvent }, coverage);
    const outcome = await run.runToEnd();
    stepRuns += outcome.stepRuns;
    const found = classOf(outcome);
    const known = classes.get(found.key);
    if (known) known.count++;
    else classes.set(found.key, { ...found, count: 1, index, data });
  }
  return { runs: count, stepRuns, classes: [...classes.values()], coverage };
}
