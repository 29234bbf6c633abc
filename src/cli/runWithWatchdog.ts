// Runs a workspace in a worker thread and kills it when one slice of step code runs longer
// than limits.stepTimeoutMs; the run then ends in `error` with "execution timeout".
import { Worker } from 'node:worker_threads';
import { summarizeRun } from '../engine/summarizeRun.ts';
import { timeoutEvents } from '../engine/timeoutEvents.ts';
import type { InvalidStep, RunResult, TraceEvent, Workspace } from '../engine/types.ts';
import type { ThreadInput } from './engineThread.ts';

export async function runWithWatchdog(workspace: Workspace, options: { taskName?: string; seed?: number } = {}): Promise<RunResult> {
  const shared = new SharedArrayBuffer(16);
  const slice = new Int32Array(shared);
  const input: ThreadInput = { workspace, shared, ...options };
  const worker = new Worker(new URL('./engineThreadBoot.mjs', import.meta.url), { workerData: input });
  const events: TraceEvent[] = [];
  let stepNames: string[] = [];
  let invalid: InvalidStep[] = [];
  const limit = workspace.limits.stepTimeoutMs;

  return new Promise<RunResult>((resolve, reject) => {
    let lastSlice = -1;
    let sliceSeen = Date.now();
    const finish = (result: RunResult | Error) => {
      clearInterval(watchdog);
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const watchdog = setInterval(() => {
      const counter = Atomics.load(slice, 0);
      if (counter !== lastSlice || Atomics.load(slice, 1) === 0) {
        lastSlice = counter;
        sliceSeen = Date.now();
        return;
      }
      if (Date.now() - sliceSeen < limit) return;
      const task = `t${Atomics.load(slice, 2)}`;
      const step = Atomics.load(slice, 3);
      finish(summarizeRun({ stepNames, invalid, events: [...events, ...timeoutEvents(events, task, step < 0 ? null : step)] }));
    }, Math.min(50, limit / 4));
    worker.on('message', (message: { type: string; events?: TraceEvent[]; stepNames?: string[]; invalid?: InvalidStep[]; message?: string }) => {
      if (message.type === 'events') events.push(...message.events!);
      else if (message.type === 'loaded') ({ stepNames = [], invalid = [] } = message);
      else if (message.type === 'done') finish(summarizeRun({ stepNames, invalid, events }));
      else if (message.type === 'failed') finish(new Error(message.message));
    });
    worker.on('error', (error) => finish(error));
  });
}
