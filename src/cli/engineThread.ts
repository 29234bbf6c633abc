// Worker-thread entry: runs one workspace with the engine and streams the trace to the parent,
// which can terminate this thread when a step's synchronous code runs away.
import { parentPort, workerData } from 'node:worker_threads';
import { createRun } from '../engine/createRun.ts';
import type { TraceEvent, Workspace } from '../engine/types.ts';

export interface ThreadInput {
  workspace: Workspace;
  taskName?: string;
  seed?: number;
  /** [slice counter, busy flag, task number, step index] shared with the watchdog. */
  shared: SharedArrayBuffer;
}

const input = workerData as ThreadInput;
const slice = new Int32Array(input.shared);
let buffer: TraceEvent[] = [];
const flush = () => {
  if (buffer.length === 0) return;
  parentPort!.postMessage({ type: 'events', events: buffer });
  buffer = [];
};

try {
  const run = createRun(input.workspace, {
    host: { yieldMacrotask: () => new Promise<void>((resolve) => setImmediate(resolve)) },
    taskName: input.taskName,
    seed: input.seed,
    onEvent: (event) => buffer.push(event),
    onSlice: (owner) => {
      if (owner) {
        // Everything before user code runs reaches the parent, so a kill loses nothing.
        flush();
        Atomics.store(slice, 2, Number(owner.task.slice(1)));
        Atomics.store(slice, 3, owner.step ?? -1);
        Atomics.add(slice, 0, 1);
        Atomics.store(slice, 1, 1);
      } else {
        Atomics.store(slice, 1, 0);
      }
    },
  });
  parentPort!.postMessage({
    type: 'loaded',
    stepNames: run.steps.map((s) => s.name),
    invalid: run.steps.flatMap((s) => (s.valid ? [] : [{ step: s.name, index: s.index, ...s.error }])),
  });
  await run.runUntil();
  flush();
  parentPort!.postMessage({ type: 'done' });
} catch (error) {
  flush();
  parentPort!.postMessage({ type: 'failed', message: (error as Error).message });
}
