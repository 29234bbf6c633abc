// What the editor shows for each step before anything runs: valid or not (with a position),
// whether its condition matches the given data, and which paths it reads and writes.
import { findWrites } from './analyzeStep.ts';
import type { LeafResult } from './compileCondition.ts';
import { createRun, loadSteps, type RunHost } from './createRun.ts';
import { jsonCopy } from './jsonValue.ts';
import type { JsonObject, SourceError, Workspace } from './types.ts';

export interface StepCheck {
  valid: boolean;
  error: SourceError | null;
  match: boolean;
  leaves: LeafResult[];
  reads: string[];
  writes: string[];
}

/** Checks every step against `data`. Runs step modules' top-level code, so call it off the main thread. */
export function checkSteps(workspace: Workspace, data: JsonObject, host: RunHost): StepCheck[] {
  const steps = loadSteps(workspace);
  const run = createRun(workspace, { host, steps, data });
  return steps.map((step) => {
    const writes = findWrites(workspace.steps[step.index].source);
    if (!step.valid) return { valid: false, error: step.error, match: false, leaves: [], reads: [], writes };
    const { match, leaves } = run.explainStep('t0', step.index);
    const reads = [...new Set(leaves.filter((l) => l.path !== '(condition)').map((l) => l.path))];
    return { valid: true, error: null, match, leaves: leaves.map(jsonSafeLeaf), reads, writes };
  });
}

/** Leaves travel to the UI thread, so `actual` must survive structured cloning. */
function jsonSafeLeaf(leaf: LeafResult): LeafResult {
  let actual = leaf.actual;
  try {
    actual = actual === undefined ? undefined : jsonCopy(actual);
  } catch {
    actual = String(actual);
  }
  return { ...leaf, actual };
}
