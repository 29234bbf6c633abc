// The engine's Web Worker: all step code runs here, never on the page's main thread.
// Progress (trace events plus the step about to run) streams to the page so its watchdog
// can tell which step ran away if this worker has to be terminated.
import * as Comlink from 'comlink';
import { checkSteps, type StepCheck } from '../engine/checkSteps.ts';
import { createRun, type Run } from '../engine/createRun.ts';
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';

export interface Progress {
  events: TraceEvent[];
  /** The step whose code is about to run, or null between steps. */
  slice: { task: string; step: number | null } | null;
}

/** A macrotask through a MessageChannel: lets pending promises settle without a real timer. */
function createHost() {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    yieldMacrotask: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      }),
  };
}

const host = createHost();
let run: Run | null = null;
let buffer: TraceEvent[] = [];
let report: ((progress: Progress) => void) | null = null;
let lastReport = 0;

function takeBuffer(): TraceEvent[] {
  const events = buffer;
  buffer = [];
  return events;
}

function flush(slice: Progress['slice']): void {
  if (!report) return;
  report({ events: buffer, slice });
  buffer = [];
  lastReport = performance.now();
}

const api = {
  check(workspace: Workspace, data: JsonObject): StepCheck[] {
    return checkSteps(workspace, data, host);
  },
  start(workspace: Workspace, taskName: string | undefined, data: JsonObject | undefined, onProgress: (progress: Progress) => void): void {
    run?.stop();
    buffer = [];
    report = onProgress;
    run = createRun(workspace, {
      host,
      taskName,
      data,
      onEvent: (event) => buffer.push(event),
      onSlice: (slice) => {
        // Always report before user code runs; between steps, only now and then.
        if (slice || performance.now() - lastReport > 50) flush(slice);
      },
    });
  },
  /**
   * Runs to the end, or (mode "step") until the next step run finishes. The events not yet
   * reported come back with the answer, so the page has the whole trace when this resolves.
   */
  async advance(mode: 'end' | 'step'): Promise<{ ended: boolean; events: TraceEvent[] }> {
    if (!run) throw new Error('no run has been started');
    const ended = await run.runUntil(mode === 'step' ? (e) => e.kind === 'step-finished' || e.kind === 'step-failed' : undefined);
    return { ended, events: takeBuffer() };
  },
  stop(): TraceEvent[] {
    run?.stop();
    return takeBuffer();
  },
};

export type EngineApi = typeof api;
Comlink.expose(api);
