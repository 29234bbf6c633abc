// Runs one task as a test: the whole run, its coverage, and its verdict against the task's
// expectation. The browser worker, the CLI's sandbox child and the benchmark all call this.
import { emptyCoverage, type Coverage } from './coverage.ts';
import { createCoveredRun } from './coveredRun.ts';
import type { RunHost, RunOptions } from './createRun.ts';
import { checkExpectation, type ExpectationFailure } from './expectation.ts';
import { wallClock } from './wallClock.ts';
import type { Json, JsonObject, SourceError, TaskStatus, TraceEvent, Workspace } from './types.ts';

export interface TaskTestResult {
  index: number;
  name: string;
  /** Null when the task has no expectation: it ran, but there was nothing to check. */
  pass: boolean | null;
  failures: ExpectationFailure[];
  divergedAt: number | null;
  status: TaskStatus;
  result: Json;
  error: (SourceError & { step: string | null }) | null;
  ran: string[];
  data: JsonObject;
  stepRuns: number;
  virtualTimeMs: number;
  /** Wall-clock milliseconds the run took. */
  ms: number;
  coverage: Coverage;
}

export interface TaskTestHooks {
  onEvent?: (event: TraceEvent) => void;
  onSlice?: RunOptions['onSlice'];
  /** Called once before the run starts, with the task's index (a watchdog's variant). */
  onVariant?: (index: number) => void;
}

/** Runs task `index` of the workspace to its end and checks it. */
export async function runTaskTest(workspace: Workspace, index: number, host: RunHost, hooks: TaskTestHooks = {}): Promise<TaskTestResult> {
  const task = workspace.tasks[index];
  if (!task) throw new Error(`the workspace has no task ${index + 1}`);
  const now = wallClock(host);
  hooks.onVariant?.(index);
  const started = now();
  const coverage = emptyCoverage(workspace.steps);
  const run = createCoveredRun(workspace, { host, taskName: task.name, data: task.data, onEvent: hooks.onEvent, onSlice: hooks.onSlice }, coverage);
  const outcome = await run.runToEnd();
  const verdict = task.expect ? checkExpectation(task.expect, outcome) : null;
  return {
    index,
    name: task.name,
    pass: verdict ? verdict.pass : null,
    failures: verdict?.failures ?? [],
    divergedAt: verdict?.divergedAt ?? null,
    status: outcome.status,
    result: outcome.result,
    error: outcome.error,
    ran: outcome.ran,
    data: outcome.data,
    stepRuns: outcome.stepRuns,
    virtualTimeMs: outcome.virtualTimeMs,
    ms: Math.round((now() - started) * 10) / 10,
    coverage,
  };
}
