// The engine's Web Worker: all step code runs here, never on the page's main thread.
// Beats (engine/beats.ts) stream to the page as progress messages (wireBeat.ts) on the engine
// port, so its watchdog can tell which step ran away if this worker is terminated: one message
// per step run, not three. Each event reaches the page once: progress and answers share the
// port, in order; the events still waiting go as an advance ends, just before its answer. The
// port leads to the sandbox frame, which merges beats on their way to the page (sandboxScript.js).
// The page passes nothing callable in: step code shares this realm and could call it.
import * as Comlink from 'comlink';
import { checkSteps, type StepCheck } from '../engine/checkSteps.ts';
import { createRun, type Run } from '../engine/createRun.ts';
import { getAt } from '../engine/paths.ts';
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import { setCodeCompiler, type CodeCompiler } from '../engine/compileCode.ts';
import { createTimedOutGuard } from '../engine/timedOutRuns.ts';
import { exploreRange, variantSpaceOf, type ExploreChunk } from '../engine/explore/exploreRange.ts';
import { shrinkExample, type ShrunkExample } from '../engine/explore/shrinkExample.ts';
import { runTaskTest, type TaskTestResult } from '../engine/taskTest.ts';
import type { Breakpoints } from './breakpointTypes.ts';
import { createBatchBeats, createRunBeats, type Beat } from '../engine/beats.ts';
import { toWire } from './wireBeat.ts';
import { elideForWire } from './wireElision.ts';

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
let port: MessagePort | null = null;
const elide = elideForWire(() => run);
const postBeat = (beat: Beat) => port?.postMessage(toWire(beat, elide));
const now = () => performance.now();
let progress = createRunBeats(postBeat, now);
/** Loose until a batch's watchdog asks for exact beats (a call it runs again to name a hang). */
let exactBatch = false;
let breakpoints: Breakpoints = { steps: [], conditions: [], data: [] };
let pausedBy: string | null = null;
let stepNames: string[] = [];
/** While replaying after a timeout: the last event of the run as the person had it. */
let replayThrough = -1;

const takeBuffer = () => progress.take();

const api = {
  check(workspace: Workspace, data: JsonObject): StepCheck[] {
    return checkSteps(workspace, data, host);
  },
  /**
   * `timedOut`: step runs (task:step:run) a watchdog killed; in this replay they fail at once.
   * `startAt`: the virtual time the run starts at (a fork's).
   */
  start(workspace: Workspace, taskName: string | undefined, data: JsonObject | undefined, timedOut: string[] = [], startAt = 0): void {
    run?.stop();
    progress = createRunBeats(postBeat, now);
    const guard = createTimedOutGuard(timedOut);
    if (timedOut.length > 0) setCodeCompiler((params, body) => guard.wrap(new Function(...params, body) as ReturnType<CodeCompiler>));
    stepNames = workspace.steps.map((step) => step.name);
    run = createRun(workspace, {
      host,
      taskName,
      data,
      startAt,
      breakBefore: ({ task, ready, flips }) => {
        // A replay passes the points the person already went past without stopping.
        if (run!.events.length - 1 <= replayThrough) return false;
        const flipped = flips.find(([i, pass]) => pass && breakpoints.conditions.includes(i));
        if (flipped) pausedBy = `‘${stepNames[flipped[0]]}’ started to match (condition breakpoint, task ${task})`;
        else if (breakpoints.steps.includes(ready[0])) pausedBy = `before ‘${stepNames[ready[0]]}’ runs (breakpoint, task ${task})`;
        else return false;
        return true;
      },
      onEvent: (event) => {
        guard.observe(event);
        progress.onEvent(event);
      },
      onSlice: progress.onSlice,
    });
  },
  /**
   * Runs to the end, or (mode "step") until the next step run finishes. The events not yet
   * reported go as progress just before the answer, on the same port, so the page has the whole
   * trace, each event once, when this resolves (the answer carries whatever is left, if any).
   */
  async advance(mode: 'end' | 'step', points: Breakpoints, throughSeq = -1): Promise<{ ended: boolean; events: TraceEvent[]; pausedBy: string | null }> {
    if (!run) throw new Error('no run has been started');
    replayThrough = throughSeq;
    breakpoints = points;
    pausedBy = null;
    const current = run;
    const ended = await run.runUntil((e) => {
      if (e.seq <= throughSeq) return false;
      if (mode === 'step' && (e.kind === 'step-finished' || e.kind === 'step-failed')) return true;
      const hit = dataBreakpointHit(current, e);
      if (hit) pausedBy = hit;
      return hit !== null;
    });
    progress.finish();
    return { ended, events: takeBuffer(), pausedBy };
  },
  editData(taskId: string, data: JsonObject): TraceEvent[] {
    if (!run) throw new Error('no run has been started');
    run.editData(taskId, data);
    return takeBuffer();
  },
  stop(): TraceEvent[] {
    run?.stop();
    return takeBuffer();
  },
  /** Batch beats from now on are exact (true) or loose; see createBatchBeats. */
  exactBeats(on: boolean): void {
    exactBatch = on;
  },
  /** Runs one task as a test (Tests view). Progress carries only slices, for the watchdog. */
  testTask(workspace: Workspace, index: number): Promise<TaskTestResult> {
    return runTaskTest(workspace, index, host, batchHooks());
  },
  /** Runs explored variants [from, from + count); progress names the variant in `seq`. */
  explore(workspace: Workspace, seed: number, from: number, count: number): Promise<ExploreChunk> {
    return exploreRange(workspace, seed, from, count, host, batchHooks());
  },
  /** One explored variant's data (for a variant whose run hung and took its engine with it). */
  variantData(workspace: Workspace, seed: number, index: number): JsonObject {
    return variantSpaceOf(workspace, seed).variant(index);
  },
  shrink(workspace: Workspace, data: JsonObject, key: string): Promise<ShrunkExample> {
    return shrinkExample(workspace, data, key, host, batchHooks());
  },
};

/** Batch work (tests, Explore): beats name the variant and step, with no events. */
const batchHooks = () => createBatchBeats(postBeat, now, exactBatch);

/** A data breakpoint pauses right after an event that changed its path (to its value, if set). */
function dataBreakpointHit(current: Run, e: TraceEvent): string | null {
  if (e.kind !== 'step-finished' && e.kind !== 'subtask-ended' && e.kind !== 'data-edited') return null;
  for (const point of breakpoints.data) {
    const path = point.path.split('.');
    const touched = e.patches.some(
      (p) => p.path.slice(0, path.length).every((k, i) => String(k) === path[i]) || path.slice(0, p.path.length).every((k, i) => k === String(p.path[i])),
    );
    if (!touched) continue;
    const now = getAt(current.dataOf(e.task), path);
    if (point.value !== undefined && JSON.stringify(now) !== JSON.stringify(point.value)) continue;
    return `${point.path} changed to ${JSON.stringify(now) ?? 'nothing'} (data breakpoint, task ${e.task})`;
  }
  return null;
}

export type EngineApi = typeof api;

// The page (or the sandbox frame that owns this worker) hands over a MessagePort to talk on.
self.addEventListener('message', function connect(event: MessageEvent) {
  const given = (event.data as { steplabPort?: MessagePort } | null)?.steplabPort;
  if (!given) return;
  self.removeEventListener('message', connect);
  port = given;
  Comlink.expose(api, given);
});
