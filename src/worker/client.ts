// The page's handle on the engine worker. In a build, the worker runs inside a sandboxed frame
// (see sandbox.html): an opaque origin with no network. A watchdog replaces the frame and its
// worker when step code has held the worker longer than stepTimeoutMs (it cannot answer while
// `while (true) {}` runs), rejects every pending call (comlink would leave them pending
// forever), and tells the page which step ran away.
import * as Comlink from 'comlink';
import type { StepCheck } from '../engine/checkSteps.ts';
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import type { Breakpoints } from './breakpointTypes.ts';
import type { EngineApi, Progress } from './engine.worker.ts';
import { startEngine, type EngineHandle } from './startEngine.ts';

export interface EngineClient {
  check(workspace: Workspace, data: JsonObject): Promise<StepCheck[]>;
  start(workspace: Workspace, taskName: string | undefined, data?: JsonObject): Promise<void>;
  /** Resolves with why the run paused (a breakpoint), or null when it ended or stepped. */
  advance(mode: 'end' | 'step', breakpoints: Breakpoints): Promise<{ ended: boolean; pausedBy: string | null }>;
  editData(taskId: string, data: JsonObject): Promise<void>;
  stop(): Promise<void>;
  dispose(): void;
}

export interface EngineClientOptions {
  onEvents(events: TraceEvent[]): void;
  /** The worker was killed while `slice` ran; the run is over. */
  onTimeout(slice: Progress['slice']): void;
}

export class WorkerRestartedError extends Error {
  name = 'WorkerRestartedError';
}

export function createEngineClient(options: EngineClientOptions): EngineClient {
  let handle: EngineHandle = startEngine();
  const pending = new Set<(error: Error) => void>();
  let lastSlice: Progress['slice'] = null;
  let lastHeard = 0;
  let advancing = false;
  let checking = 0;
  let timeoutMs = 2000;

  /** Tracks a call so a replaced worker can fail it instead of leaving it pending forever. */
  const track = <T,>(call: (remote: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      pending.add(fail);
      handle.remote
        .then(call)
        .then(resolve, reject)
        .finally(() => pending.delete(fail));
    });

  const onProgress = Comlink.proxy((progress: Progress) => {
    lastHeard = performance.now();
    lastSlice = progress.slice;
    if (progress.events.length > 0) options.onEvents(progress.events);
  });

  const restart = () => {
    for (const fail of [...pending]) fail(new WorkerRestartedError('the engine was restarted'));
    pending.clear();
    handle.dispose();
    handle = startEngine();
  };

  const watchdog = setInterval(() => {
    if ((!advancing && checking === 0) || performance.now() - lastHeard < timeoutMs) return;
    const wasRunning = advancing;
    advancing = false;
    checking = 0;
    const slice = lastSlice;
    restart();
    if (wasRunning) options.onTimeout(slice);
  }, 100);

  return {
    async check(workspace, data) {
      // Checking runs step modules' top-level code and dynamic conditions, which can run away too.
      if (checking++ === 0 && !advancing) lastHeard = performance.now();
      try {
        return await track((remote) => remote.check(workspace, data));
      } finally {
        checking = Math.max(0, checking - 1);
      }
    },
    start(workspace, taskName, data) {
      timeoutMs = workspace.limits.stepTimeoutMs;
      lastSlice = null;
      return track((remote) => remote.start(workspace, taskName, data, onProgress));
    },
    async advance(mode, breakpoints) {
      advancing = true;
      lastHeard = performance.now();
      try {
        const { ended, events, pausedBy } = await track((remote) => remote.advance(mode, breakpoints));
        if (events.length > 0) options.onEvents(events);
        return { ended, pausedBy };
      } finally {
        advancing = false;
      }
    },
    async editData(taskId, data) {
      const events = await track((remote) => remote.editData(taskId, data));
      if (events.length > 0) options.onEvents(events);
    },
    async stop() {
      // A worker stuck in user code cannot hear "stop", so it is replaced instead.
      const answered = await Promise.race([
        track((remote) => remote.stop()).then(
          (events) => {
            if (events.length > 0) options.onEvents(events);
            return true;
          },
          () => false,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
      ]);
      if (!answered) restart();
    },
    dispose() {
      clearInterval(watchdog);
      handle.dispose();
    },
  };
}
