// The page's handle on the engine. Each check and each run gets a fresh engine (a new sandboxed
// frame and worker, see startEngine.ts), so hooks step code installs die with its realm. A spare
// engine is kept warm so a fresh one costs no wait. A watchdog replaces the run's engine when
// step code has held it longer than stepTimeoutMs (it cannot answer while `while (true) {}`
// runs) and tells the page which step ran away. Every answer is shape-checked before use.
import type { Remote } from 'comlink';
import type { StepCheck } from '../engine/checkSteps.ts';
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import type { Breakpoints } from './breakpointTypes.ts';
import type { EngineApi } from './engine.worker.ts';
import type { Slice } from '../engine/beats.ts';
import { createWatchdog, type Watchdog } from '../engine/watchdog.ts';
import { isStepCheckList, isTraceEventList } from './messageGuards.ts';
import { startEngine, WorkerRestartedError, type EngineHandle } from './startEngine.ts';
import { createWireFill } from './wireElision.ts';

export { WorkerRestartedError };

export interface EngineClient {
  check(workspace: Workspace, data: JsonObject): Promise<StepCheck[]>;
  /** `startAt`: the virtual time the run starts at (a branch forked at that time). */
  start(workspace: Workspace, taskName: string | undefined, data?: JsonObject, startAt?: number): Promise<void>;
  /** Resolves with why the run paused (a breakpoint), or null when it ended or stepped. */
  advance(mode: 'end' | 'step', breakpoints: Breakpoints): Promise<{ ended: boolean; pausedBy: string | null }>;
  editData(taskId: string, data: JsonObject): Promise<void>;
  stop(): Promise<void>;
  dispose(): void;
}

export interface EngineClientOptions {
  onEvents(events: TraceEvent[]): void;
  /** The worker was killed while `slice` ran; the run is over. */
  onTimeout(slice: Slice): void;
  /** A runaway step run was killed and the run is being replayed with it failed; the run goes on. */
  onRunaway(slice: Slice): void;
  /** The run's engine sent something no engine sends (step code tampering with it); the run is over. */
  onFault(message: string): void;
}

export class MalformedAnswerError extends Error {
  name = 'MalformedAnswerError';
}

const SPARE_ENGINES = 2;
/** Runaway step runs one run may replay past; then the run ends in "execution timeout". */
const MAX_REPLAYS = 10;
const FAULT = 'the engine sent a message Steplab does not recognise (step code may have tampered with it), so the run was stopped';

function expectEvents(value: unknown): TraceEvent[] {
  if (!isTraceEventList(value)) throw new MalformedAnswerError(FAULT);
  return value as TraceEvent[];
}

export function createEngineClient(options: EngineClientOptions): EngineClient {
  const spares: EngineHandle[] = [];
  let runEngine: EngineHandle | null = null;
  const now = () => performance.now();
  let watchdog: Watchdog = createWatchdog(2000, now);
  // Replaying after a runaway step run (the run is deterministic): what started the run, which
  // step runs timed out, and how far the person's run had got.
  let startArgs: Parameters<EngineClient['start']> | null = null;
  let timedOut: string[] = [];
  let lastSeq = -1;
  let edited = false;
  let replayThrough: number | null = null;
  /** An advance is in flight: the worker may be deep in step code and slow to hear "stop". */
  let advancing = false;

  /** Puts back what the run's engine left off the wire (wireElision.ts); one per engine. */
  let fill: (events: TraceEvent[]) => void = () => {};

  /** Every event the page is given passes here first: replay needs the last seq and hand edits. */
  const deliver = (events: TraceEvent[]) => {
    fill(events);
    for (const e of events) {
      lastSeq = Math.max(lastSeq, e.seq);
      if (e.kind === 'data-edited') edited = true;
    }
    if (events.length > 0) options.onEvents(events);
  };

  /**
   * A fresh engine: a warm spare if there is one, and new spares start warming at once. Two are
   * kept because an edit asks for two checks back to back (the badges and the cursor's Why).
   */
  const take = (): EngineHandle => {
    const engine = spares.shift() ?? startEngine();
    while (spares.length < SPARE_ENGINES) spares.push(startEngine());
    return engine;
  };

  const endRun = () => {
    runEngine?.dispose();
    runEngine = null;
    watchdog.disarm();
  };

  const runCall = <T>(fn: (remote: Remote<EngineApi>) => Promise<T>): Promise<T> => {
    if (!runEngine) return Promise.reject(new Error('no run has been started'));
    return runEngine.call(fn);
  };

  const patrol = setInterval(() => {
    if (!watchdog.expired()) return;
    const slice = watchdog.slice;
    const run = slice && slice.step !== null ? slice.run : undefined;
    // Replaying reproduces the run only without hand edits, and only so many times.
    if (slice && run !== undefined && !edited && timedOut.length < MAX_REPLAYS) {
      timedOut.push(`${slice.task}:${slice.step}:${run}`);
      replayThrough = lastSeq;
      endRun(); // the pending advance sees the restart and replays
      options.onRunaway(slice);
      return;
    }
    endRun();
    options.onTimeout(slice);
  }, 100);

  /** Starts the run on a fresh engine; in a replay, the timed-out step runs fail at their start. */
  const boot = async (): Promise<void> => {
    const [workspace, taskName, data, startAt] = startArgs!;
    endRun();
    const engine = take();
    runEngine = engine;
    fill = createWireFill(workspace, taskName, data);
    const port = await engine.port;
    port.onProgress = (beat) => {
      if (engine !== runEngine) return;
      watchdog.heard(beat);
      // Events travel in batches; the worker's own count says how far the run had got.
      lastSeq = Math.max(lastSeq, beat.seq);
      deliver(beat.events);
    };
    port.onMalformed = () => {
      if (engine !== runEngine) return;
      endRun();
      options.onFault(FAULT);
    };
    await engine.call((remote) => remote.start(workspace, taskName, data, timedOut, startAt ?? 0));
  };

  return {
    async check(workspace, data) {
      // Checking runs step modules' top-level code and dynamic conditions: user code, so it gets
      // an engine of its own, thrown away after, and a deadline once that engine is up.
      const engine = take();
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await engine.ready;
        // Every step's top-level code and condition run in one check: the budget is per step,
        // so a 1,000-step workspace is not cut off while each step is quick.
        const limit = workspace.limits.stepTimeoutMs * Math.max(1, Math.ceil(workspace.steps.length / 50));
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the steps' top-level code and conditions ran longer than ${limit} ms`)), limit);
        });
        const checks: unknown = await Promise.race([engine.call((remote) => remote.check(workspace, data)), deadline]);
        if (!isStepCheckList(checks)) throw new MalformedAnswerError('the engine answered the step check with something that is not a check');
        return checks as StepCheck[];
      } finally {
        clearTimeout(timer);
        engine.dispose();
      }
    },
    async start(workspace, taskName, data, startAt) {
      watchdog = createWatchdog(workspace.limits.stepTimeoutMs, now);
      startArgs = [workspace, taskName, data, startAt];
      timedOut = [];
      lastSeq = -1;
      edited = false;
      replayThrough = null;
      await boot();
    },
    async advance(mode, breakpoints) {
      let through = -1;
      advancing = true;
      try {
        for (;;) {
          watchdog.arm();
          try {
            const answer: unknown = await runCall((remote) => remote.advance(mode, breakpoints, through));
            const { ended, events, pausedBy } = (answer ?? {}) as { ended?: unknown; events?: unknown; pausedBy?: unknown };
            if (typeof ended !== 'boolean' || (pausedBy !== null && typeof pausedBy !== 'string')) throw new MalformedAnswerError(FAULT);
            deliver(expectEvents(events));
            // A finished run's engine has run user code; it is never used again.
            if (ended) endRun();
            return { ended, pausedBy };
          } catch (error) {
            if (error instanceof MalformedAnswerError) endRun();
            if (!(error instanceof WorkerRestartedError) || replayThrough === null) throw error;
            // The watchdog killed a runaway step run: replay up to where the run was, with that
            // step run failing at once, then go on as asked.
            through = replayThrough;
            replayThrough = null;
            await boot();
          } finally {
            watchdog.disarm();
          }
        }
      } finally {
        advancing = false;
      }
    },
    async editData(taskId, data) {
      deliver(expectEvents(await runCall((remote) => remote.editData(taskId, data))));
    },
    async stop() {
      // A worker stuck in user code cannot hear "stop": after 100 ms it is simply removed. A
      // paused run's worker is idle and answers; its answer (the run's end) is waited for, as
      // its two hops through the sandbox frame can take longer than that on a busy machine.
      if (!runEngine) return;
      const patience = advancing ? 100 : 2000;
      await Promise.race([
        runCall((remote) => remote.stop()).then(
          (events) => {
            if (isTraceEventList(events)) deliver(events as TraceEvent[]);
          },
          () => undefined,
        ),
        new Promise<void>((resolve) => setTimeout(resolve, patience)),
      ]);
      endRun();
    },
    dispose() {
      clearInterval(patrol);
      endRun();
      for (const engine of spares.splice(0)) engine.dispose();
    },
  };
}
