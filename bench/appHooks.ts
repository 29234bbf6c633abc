// The engine as the app runs it: trace on, with the hooks src/worker/engine.worker.ts passes to
// createRun (timed-out guard, the worker's run beats, breakBefore with no
// breakpoints). Each message the worker posts (progress, the last events as the advance ends,
// and its answer) is structured-cloned as postMessage would; the clone includes the copy the
// page would deserialize, so this charges the worker a little more than it pays.
import { createRun, type Run } from '../src/engine/createRun.ts';
import type { LoadedStep } from '../src/engine/loadStep.ts';
import { createTimedOutGuard } from '../src/engine/timedOutRuns.ts';
import type { Workspace } from '../src/engine/types.ts';
import { createRunBeats } from '../src/engine/beats.ts';
import { toWire } from '../src/worker/wireBeat.ts';
import { elideForWire } from '../src/worker/wireElision.ts';

// postMessage's structured clone, stood in for by structuredClone: Node's own postMessage
// serializer, without the cross-thread wake-ups of a real MessagePort (which vary with the
// machine's load more than the clone does). Not v8.serialize: its ValueSerializer lives until
// its wrapper is collected, and keeps every object it wrote alive until then, so each message
// held a run's events and data through the next minor GCs. That made 300,000 messages of 1 KB
// promote 86 MB instead of 0.3 MB and spend 16x longer in GC, a cost postMessage does not have.
const post = (message: unknown) => void structuredClone(message);

export const host = { yieldMacrotask: () => new Promise<void>((resolve) => setImmediate(resolve)) };

/** Starts a run the way the worker's `start` does; nothing runs until runUntil. */
export function createAppRun(workspace: Workspace, steps: LoadedStep[], taskName?: string): Run {
  const guard = createTimedOutGuard([]);
  const elide = elideForWire(() => run);
  const progress = createRunBeats(
    (beat) => post(toWire(beat, elide)),
    () => performance.now(),
  );
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
      progress.onEvent(event);
    },
    onSlice: progress.onSlice,
  });
  answers.set(run, () => {
    progress.finish();
    post({ ended: run.ended, events: progress.take(), pausedBy: null });
  });
  return run;
}

/**
 * The advance answer of each app run: it carries the events not sent as progress. A Map, emptied
 * by runToEnd: a WeakMap entry whose value holds its key keeps the whole run alive until a full
 * GC, which made every run's objects survive into the old generation (3x the cost per step).
 */
const answers = new Map<Run, () => void>();

/** Runs to the end (as `advance('end')` does) and returns how many step runs started. */
export async function runToEnd(run: Run): Promise<number> {
  await run.runUntil(() => false);
  answers.get(run)?.();
  answers.delete(run);
  let steps = 0;
  for (const e of run.events) if (e.kind === 'step-started') steps++;
  return steps;
}
