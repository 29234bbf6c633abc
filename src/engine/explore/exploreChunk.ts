// What an exploration adds up to: per outcome class its count and the example with the lowest
// index, plus coverage. Merging does not depend on the order ranges arrive in. Kept apart from
// the generators, so a page that only drives an exploration does not load fast-check.
import { emptyCoverage, mergeCoverage, type Coverage } from '../coverage.ts';
import type { JsonObject, Workspace } from '../types.ts';
import type { OutcomeClass } from './outcomeClass.ts';

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
