// The last run: its trace as it streams in from the worker, whether it is still going, and the
// replay cursor. Run, Step, Reset and Stop are plain functions over the engine client.
import { create } from 'zustand';
import { EXECUTION_TIMEOUT, timeoutEvents } from '../engine/timeoutEvents.ts';
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import { createEngineClient, type EngineClient, WorkerRestartedError } from '../worker/client.ts';
import { dataIndexOf } from '../engine/traceFold.ts';
import { ROOT, runIndexAt, stepRunsOf, type StepRunRef } from './replay.ts';
import { incompleteReason } from '../engine/stopReason.ts';
import { useBreakpoints } from './breakpoints.ts';
import { useWorkspace } from './workspaceStore.ts';

export type RunPhase = 'idle' | 'running' | 'paused' | 'ended';

export interface RunState {
  phase: RunPhase;
  events: TraceEvent[];
  runs: StepRunRef[];
  /** Slider position: index into `runs`, -1 before the first step run. */
  cursor: number;
  /** Set when the person picked an event (in the log or lanes): the exact point shown. */
  eventCursor: number | null;
  /** While true the cursor follows the newest step run. */
  follow: boolean;
  /** The workspace the trace belongs to, so replay stays right while the person edits. */
  workspace: Workspace | null;
  error: string | null;
  /** Counts runs, so views (and tests) can tell a new run from the last one. */
  runId: number;
  /** For a run that ended incomplete: why no step could run. */
  why: string | null;
  /** Why a paused run paused, when a breakpoint did it. */
  pausedBy: string | null;
}

export const useRun = create<RunState>(() => ({
  phase: 'idle',
  events: [],
  runs: [],
  cursor: -1,
  eventCursor: null,
  follow: true,
  workspace: null,
  error: null,
  runId: 0,
  why: null,
  pausedBy: null,
}));
const set = useRun.setState;
const get = useRun.getState;

let client: EngineClient | null = null;
export function engine(): EngineClient {
  client ??= createEngineClient({
    onEvents: appendEvents,
    onTimeout: killedByWatchdog,
    onFault: engineFault,
    onRunaway: () => set({ error: EXECUTION_TIMEOUT }),
  });
  return client;
}

/** Events waiting to go into the store, by seq. */
const early = new Map<number, TraceEvent>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
/** Each task's last step start so far, so step runs are found in new events only. */
let startedByTask = new Map<string, number>();

/**
 * Takes streamed events. They are collected and handed to the store at most ten times a second,
 * so a long run costs the page a few renders, not one per step. The engine sends each event once
 * (progress, then the answer, in order on one port); a replay after a runaway step sends the run
 * again from its start, so events the store has are dropped, and the store gets them in seq
 * order, without duplicates or gaps.
 */
function appendEvents(batch: TraceEvent[]): void {
  const known = get().events.length;
  for (const e of batch) if (e.seq >= known) early.set(e.seq, e);
  flushTimer ??= setTimeout(flushEvents, 100);
}

/** Moves every contiguous waiting event into the store now. */
function flushEvents(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  const current = get().events;
  if (!early.has(current.length)) return;
  const events = current.slice();
  while (early.has(events.length)) {
    events.push(early.get(events.length)!);
    early.delete(events.length - 1);
  }
  const added = stepRunsOf(events.slice(current.length), startedByTask);
  const runs = added.length > 0 ? [...get().runs, ...added] : get().runs;
  set((s) => ({ events, runs, cursor: s.follow ? runs.length - 1 : s.cursor, eventCursor: s.follow ? null : s.eventCursor }));
}

function dropPending(): void {
  early.clear();
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
}

function killedByWatchdog(slice: { task: string; step: number | null } | null): void {
  flushEvents();
  const { events } = get();
  dropPending(); // whatever was still in flight from the killed worker is gone
  const task = slice?.task ?? 't0';
  appendEvents(timeoutEvents(events, task, slice?.step ?? null));
  flushEvents();
  set({ phase: 'ended', error: EXECUTION_TIMEOUT });
}

/** The engine broke its protocol (step code tampering with it): keep what arrived, end the run. */
function engineFault(message: string): void {
  flushEvents();
  dropPending();
  set({ phase: 'ended', error: message });
}

/** Starting data for the next fresh run when it is not the task's own (a fork's edited data). */
let startData: JsonObject | undefined;
export function setStartData(data: JsonObject | undefined): void {
  startData = data;
}

async function begin(ran?: Workspace, taskName?: string): Promise<boolean> {
  const { workspace: current, selectedTask } = useWorkspace.getState();
  const workspace = ran ?? current;
  const task = workspace.tasks.find((t) => t.name === taskName) ?? workspace.tasks[selectedTask] ?? workspace.tasks[0];
  dropPending();
  startedByTask = new Map();
  set((s) => ({ phase: 'running', events: [], runs: [], cursor: -1, eventCursor: null, follow: true, workspace, error: null, runId: s.runId + 1, why: null }));
  try {
    await engine().start(workspace, task?.name, startData);
    return true;
  } catch (error) {
    set({ phase: 'ended', error: (error as Error).message });
    return false;
  }
}

async function advance(mode: 'end' | 'step', breakpoints = useBreakpoints.getState()): Promise<void> {
  set({ phase: 'running', pausedBy: null });
  try {
    const { ended, pausedBy } = await engine().advance(mode, breakpoints);
    flushEvents();
    if (get().phase === 'running') set({ phase: ended ? 'ended' : 'paused', pausedBy });
    if (ended) void explainIncomplete(get().runId);
  } catch (error) {
    if (error instanceof WorkerRestartedError) return; // the watchdog or Stop already said what happened
    set({ phase: 'ended', error: (error as Error).message });
  }
}

/** Runs the selected task to the end (continuing a paused run). */
/** When the root task ended incomplete, checks the steps against its final data to say why. */
async function explainIncomplete(runId: number): Promise<void> {
  const { events, workspace } = get();
  const end = events.findLast((e) => e.kind === 'task-ended' && e.task === ROOT);
  if (!workspace || end?.kind !== 'task-ended' || end.status !== 'incomplete') return;
  const data = dataIndexOf(events).dataAt(ROOT, end.seq) ?? {};
  try {
    const checks = await engine().check(workspace, data);
    if (get().runId === runId) {
      set({
        why: incompleteReason(
          checks,
          workspace.steps.map((s) => s.name),
          workspace.steps.map((s) => s.enabled),
        ),
      });
    }
  } catch {
    // The verdict is a nicety; the run itself is complete without it.
  }
}

export async function runToEnd(): Promise<void> {
  const { phase } = get();
  if (phase === 'running') return;
  if (phase !== 'paused' && !(await begin())) return;
  await advance('end');
}

/** Runs a saved run again from its inputs (runs are deterministic), without breakpoints. */
export async function rerun(workspace: Workspace, taskName: string | undefined, data: JsonObject | undefined): Promise<void> {
  setStartData(data);
  if (await begin(workspace, taskName)) await advance('end', { steps: [], conditions: [], data: [] });
}

/** Runs one more step run, starting a run if none is paused. */
export async function stepOnce(): Promise<void> {
  const { phase } = get();
  if (phase === 'running') return;
  if (phase !== 'paused' && !(await begin())) return;
  await advance('step');
}

export async function stopRun(): Promise<void> {
  if (get().phase !== 'running' && get().phase !== 'paused') return;
  set({ phase: 'ended', error: get().error });
  await engine().stop();
  flushEvents();
}

export function resetRun(): void {
  dropPending();
  startedByTask = new Map();
  if (get().phase === 'running') void engine().stop();
  set({ phase: 'idle', events: [], runs: [], cursor: -1, eventCursor: null, follow: true, workspace: null, error: null, why: null });
}

/** While paused: replaces the root task's data; the engine records it as a data-edited event. */
export async function editPausedData(data: JsonObject): Promise<void> {
  if (get().phase !== 'paused') throw new Error('pause the run first');
  set({ follow: true });
  await engine().editData(ROOT, data);
  flushEvents();
  // Show the world just after the edit at once (it is not a step run, so the slider's cursor
  // alone would still show the data before it); Continue follows the run again.
  // The engine records the ready set for the edited data right after the edit: show that moment.
  const { events } = get();
  if (events.some((e) => e.kind === 'data-edited')) set({ eventCursor: events[events.length - 1].seq });
}

/** True when Step would start a new run and discard a finished one the person may still want. */
export function stepWouldDiscardRun(): boolean {
  const { phase, events } = get();
  return phase === 'ended' && events.length > 0;
}

/** Shows a saved run: its workspace and trace, replayed without running anything. */
export function loadTrace(workspace: Workspace, events: TraceEvent[]): void {
  dropPending();
  if (get().phase === 'running') void engine().stop();
  startedByTask = new Map();
  const runs = stepRunsOf(events, startedByTask);
  set((s) => ({
    phase: 'ended',
    events,
    runs,
    cursor: runs.length - 1,
    eventCursor: null,
    follow: false,
    workspace,
    error: null,
    runId: s.runId + 1,
    why: null,
  }));
}

const stepNames = (ws: Workspace) => ws.steps.map((s) => s.name).join('\u0000');

/**
 * A run is replayed against the steps it ran. When steps are added, removed, renamed or
 * reordered, the trace no longer lines up with the graph, so the run is cleared; editing a
 * step's code keeps it (so the person can compare after running again).
 */
export function watchStepStructure(): () => void {
  return useWorkspace.subscribe((state, previous) => {
    if (state.workspace.steps === previous.workspace.steps) return;
    const ran = get().workspace;
    if (!ran || get().phase === 'running') return;
    if (stepNames(ran) !== stepNames(state.workspace)) resetRun();
  });
}

export function setCursor(index: number): void {
  const { runs } = get();
  const cursor = Math.max(-1, Math.min(runs.length - 1, index));
  set({ cursor, eventCursor: null, follow: cursor === runs.length - 1 && get().phase === 'running' });
}

/** Moves the cursor to one event: every panel then shows the world just after it. */
export function jumpToEvent(seq: number): void {
  set((s) => ({ eventCursor: seq, cursor: runIndexAt(s.runs, seq), follow: false }));
}

export function moveCursor(delta: number): void {
  setCursor(get().cursor + delta);
}

let forwardHook: (() => boolean) | null = null;
/** Lets a mode (the quiz) take over "step forward". */
export function setForwardHook(hook: (() => boolean) | null): void {
  forwardHook = hook;
}

/** One step run forward, unless a mode such as the quiz wants to ask first. */
export function stepForward(): void {
  if (forwardHook?.()) return;
  moveCursor(1);
}
