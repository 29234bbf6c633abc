// The engine as the app runs it: trace on, with the hooks src/worker/engine.worker.ts passes to
// createRun (timed-out guard, event buffer, a progress message per step start, breakBefore with
// no breakpoints, onSlice). The worker's postMessage is stood in for by v8.serialize, the same
// structured-clone serialization the worker pays; the page's deserialization is not counted.
import { serialize } from 'node:v8';
import { createRun, type Run } from '../src/engine/createRun.ts';
import type { LoadedStep } from '../src/engine/loadStep.ts';
import { createTimedOutGuard } from '../src/engine/timedOutRuns.ts';
import type { TraceEvent, Workspace } from '../src/engine/types.ts';

export const host = { yieldMacrotask: () => new Promise<void>((resolve) => setImmediate(resolve)) };

/** Starts a run the way the worker's `start` does; nothing runs until runUntil. */
export function createAppRun(workspace: Workspace, steps: LoadedStep[], taskName?: string): Run {
  const guard = createTimedOutGuard([]);
  let buffer: TraceEvent[] = [];
  let lastReport = 0;
  const flush = (slice: unknown) => {
    serialize({ steplab: 'progress', events: buffer, slice });
    buffer = [];
    lastReport = performance.now();
  };
  const breakpoints = { steps: [] as number[], conditions: [] as number[] };
  const replayThrough = -1;
  const run: Run = createRun(workspace, {
    host,
    steps,
    taskName,
    breakBefore: ({ ready, flips }) => {
      if (run.events.length - 1 <= replayThrough) return false;
      if (flips.some(([i, pass]) => pass && breakpoints.conditions.includes(i))) return true;
      return breakpoints.steps.includes(ready[0]);
    },
    onEvent: (event) => {
      guard.observe(event);
      buffer.push(event);
      if (event.kind === 'step-started') flush({ task: event.task, step: event.step, spentMs: 0 });
    },
    onSlice: (slice) => {
      if (slice || performance.now() - lastReport > 50) flush(slice);
    },
  });
  return run;
}

/** Runs to the end (as `advance('end')` does) and returns how many step runs started. */
export async function runToEnd(run: Run): Promise<number> {
  await run.runUntil(() => false);
  let steps = 0;
  for (const e of run.events) if (e.kind === 'step-started') steps++;
  return steps;
}
