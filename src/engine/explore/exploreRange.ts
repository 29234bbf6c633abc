// Runs a range of generated variants and groups their outcomes. Each range is independent (a
// variant is a function of the seed and its index), so ranges can go to any worker in any order
// and merge into the same classes: per class the count, and the example with the lowest index.
import { createCoverageRecorder, emptyCoverage, mergeCoverage, type Coverage } from '../coverage.ts';
import { createRun, loadSteps, type RunHost, type RunOptions } from '../createRun.ts';
import type { JsonObject, Workspace } from '../types.ts';
import { classOf, type OutcomeClass } from './outcomeClass.ts';
import { createVariantSpace, type VariantSpace } from './variantSpace.ts';

export const DEFAULT_EXPLORE_RUNS = 1_000;
export const MAX_EXPLORE_RUNS = 100_000;

export interface ExploredClass extends OutcomeClass {
  count: number;
  /** The variant with the lowest index in this class, and its data. */
  index: number;
  data: JsonObject;
}

export interface ExploreChunk {
  runs: number;
  stepRuns: number;
  classes: ExploredClass[];
  coverage: Coverage;
}

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
    let record: ReturnType<typeof createCoverageRecorder> | null = null;
    const run = createRun(workspace, {
      host,
      steps,
      data,
      onSlice: hooks.onSlice,
      onEvent: (event) => {
        record?.(event, (id) => run.dataOf(id));
        hooks.onEvent?.(event);
      },
    });
    record = createCoverageRecorder(steps, coverage);
    const outcome = await run.runToEnd();
    stepRuns += outcome.stepRuns;
    const found = classOf(outcome);
    const known = classes.get(found.key);
    if (known) known.count++;
    else classes.set(found.key, { ...found, count: 1, index, data });
  }
  return { runs: count, stepRuns, classes: [...classes.values()], coverage };
}

/** Adds a chunk into a running total; the result does not depend on the order chunks arrive in. */
export function mergeChunk(into: ExploreChunk, chunk: ExploreChunk): ExploreChunk {
  into.runs += chunk.runs;
  into.stepRuns += chunk.stepRuns;
  for (const found of chunk.classes) {
    const known = into.classes.find((c) => c.key === found.key);
    if (!known) into.classes.push({ ...found });
    else {
      known.count += found.count;
      if (found.index < known.index) Object.assign(known, { index: found.index, data: found.data });
    }
  }
  into.classes.sort((a, b) => b.count - a.count || a.index - b.index);
  mergeCoverage(into.coverage, chunk.coverage);
  return into;
}

export function emptyChunk(workspace: Workspace): ExploreChunk {
  return { runs: 0, stepRuns: 0, classes: [], coverage: emptyCoverage(workspace.steps) };
}
