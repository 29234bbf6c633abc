// One session: the engine client, the single event stream, the replay cursor and the world at
// it, and the step checks, in one subscribable state. main.tsx creates it; components read it
// through selectors (currentSession.ts). A keystroke changes the workspace store; the session
// re-checks the steps in the worker and derives the frame, whose node states colour the graph.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StepCheck } from '../engine/checkSteps.ts';
import { incompleteReason } from '../engine/stopReason.ts';
import { EXECUTION_TIMEOUT, timeoutEvents } from '../engine/timeoutEvents.ts';
import { dataIndexOf } from '../engine/traceFold.ts';
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import type { Breakpoints } from '../worker/breakpointTypes.ts';
import { createEngineClient, WorkerRestartedError, type EngineClient } from '../worker/client.ts';
import { forkBranch, useBranches } from './branches.ts';
import { useBreakpoints } from './breakpoints.ts';
import { deriveFrame } from './deriveFrame.ts';
import { createEventStream } from './eventStream.ts';
import { ROOT, runIndexAt } from './replay.ts';
import { startChecks } from './sessionChecks.ts';
import { IDLE_RUN, initialSessionState, type SessionState } from './sessionState.ts';
import { useWorkspace } from './workspaceStore.ts';

/** A run's start other than the task's own data at 0 s: a forked branch's data and fork time. */
export interface StartPoint {
  data: JsonObject | undefined;
  /** Virtual ms: the fork's clock goes on from here. */
  at: number;
}

export interface Session {
  readonly store: StoreApi<SessionState>;
  /** Starts a fresh run of the selected task (or `taskName` of `workspace`), paused before its first step. */
  start(workspace?: Workspace, taskName?: string): Promise<boolean>;
  /** Runs to the end, or one step run; breakpoints default to the person's. */
  advance(mode: 'end' | 'step', breakpoints?: Breakpoints): Promise<void>;
  stop(): Promise<void>;
  /** Forks the active run at `seq` with `data` (already edited) as a new branch, and runs it. */
  fork(seq: number, t: number, data: JsonObject): Promise<void>;
  /** Moves the cursor to a step run (an index into `runs`), or to one event. */
  seek(to: { run: number } | { seq: number }): void;
  /** Where the next fresh runs start when not from the task's own data at 0 s: a branch's data and fork time. */
  setStartPoint(point: StartPoint | undefined): void;
  /** Shows a saved trace without running anything. */
  show(workspace: Workspace, events: TraceEvent[]): void;
  reset(): void;
  /** While paused: replaces the root task's data (a data-edited event). */
  editData(data: JsonObject): Promise<void>;
  check(workspace: Workspace, data: JsonObject): Promise<StepCheck[]>;
  destroy(): void;
}

const FRAME_INPUTS = ['events', 'runs', 'cursor', 'eventCursor', 'workspace', 'checks'] as const;
const stepNames = (ws: Workspace) => ws.steps.map((s) => s.name).join('\u0000');

export function createSession(): Session {
  const store = createStore<SessionState>(initialSessionState);
  const get = store.getState;
  let startPoint: StartPoint | undefined;

  /** Every change goes through here; one that moves the cursor's world derives it in the same update. */
  const update = (change: Partial<SessionState> | ((s: SessionState) => Partial<SessionState>), rederive = false) => {
    const previous = get();
    const patch = typeof change === 'function' ? change(previous) : change;
    const next = { ...previous, ...patch };
    if (!rederive && FRAME_INPUTS.every((k) => next[k] === previous[k])) return store.setState(patch);
    const { workspace, selectedTask } = useWorkspace.getState();
    store.setState({ ...patch, ...deriveFrame(next, workspace, selectedTask, next.checks) });
  };

  const stream = createEventStream(
    () => get().events,
    (events, added) =>
      update((s) => {
        const runs = added.length > 0 ? [...s.runs, ...added] : s.runs;
        return { events, runs, cursor: s.follow ? runs.length - 1 : s.cursor, eventCursor: s.follow ? null : s.eventCursor };
      }),
  );

  const client: EngineClient = createEngineClient({
    onEvents: stream.append,
    onTimeout(slice) {
      stream.flush();
      stream.drop(); // whatever was still in flight from the killed worker is gone
      stream.append(timeoutEvents(get().events, slice?.task ?? ROOT, slice?.step ?? null));
      stream.flush();
      update({ phase: 'ended', error: EXECUTION_TIMEOUT });
    },
    onFault(message) {
      stream.flush();
      stream.drop();
      update({ phase: 'ended', error: message });
    },
    onRunaway: () => update({ error: EXECUTION_TIMEOUT }),
  });

  /** When the root task ended incomplete, checks the steps against its final data to say why. */
  const explainIncomplete = async (runId: number) => {
    const { events, workspace } = get();
    const end = events.findLast((e) => e.kind === 'task-ended' && e.task === ROOT);
    if (!workspace || end?.kind !== 'task-ended' || end.status !== 'incomplete') return;
    try {
      const checks = await client.check(workspace, dataIndexOf(events).dataAt(ROOT, end.seq) ?? {});
      const names = workspace.steps.map((s) => s.name);
      if (get().runId === runId)
        update({
          why: incompleteReason(
            checks,
            names,
            workspace.steps.map((s) => s.enabled),
          ),
        });
    } catch {
      // The verdict is a nicety; the run itself is complete without it.
    }
  };

  const session: Session = {
    store,
    async start(ran, taskName) {
      const { workspace: current, selectedTask } = useWorkspace.getState();
      const workspace = ran ?? current;
      const task = workspace.tasks.find((t) => t.name === taskName) ?? workspace.tasks[selectedTask] ?? workspace.tasks[0];
      stream.restart();
      update((s) => ({ ...IDLE_RUN, phase: 'running', workspace, runId: s.runId + 1 }));
      try {
        await client.start(workspace, task?.name, startPoint?.data, startPoint?.at);
        return true;
      } catch (error) {
        update({ phase: 'ended', error: (error as Error).message });
        return false;
      }
    },
    async advance(mode, breakpoints = useBreakpoints.getState()) {
      update({ phase: 'running', pausedBy: null });
      try {
        const { ended, pausedBy } = await client.advance(mode, breakpoints);
        stream.flush();
        if (get().phase === 'running') update({ phase: ended ? 'ended' : 'paused', pausedBy });
        if (ended) void explainIncomplete(get().runId);
      } catch (error) {
        if (error instanceof WorkerRestartedError) return; // the watchdog or Stop already said what happened
        update({ phase: 'ended', error: (error as Error).message });
      }
    },
    async stop() {
      if (get().phase !== 'running' && get().phase !== 'paused') return;
      update({ phase: 'ended' });
      await client.stop();
      stream.flush();
    },
    async fork(seq, t, data) {
      const branches = useBranches.getState();
      useBranches.setState(forkBranch(branches, branches.active, { seq, t }, data));
      startPoint = { data, at: t };
      session.reset();
      if (await session.start()) await session.advance('end');
    },
    seek(to) {
      if ('seq' in to) return update((s) => ({ eventCursor: to.seq, cursor: runIndexAt(s.runs, to.seq), follow: false }));
      const { runs, phase } = get();
      const cursor = Math.max(-1, Math.min(runs.length - 1, to.run));
      update({ cursor, eventCursor: null, follow: cursor === runs.length - 1 && phase === 'running' });
    },
    setStartPoint(point) {
      startPoint = point;
    },
    show(workspace, events) {
      if (get().phase === 'running') void client.stop();
      stream.restart();
      const runs = stream.runsOf(events);
      update((s) => ({ ...IDLE_RUN, phase: 'ended', events, runs, cursor: runs.length - 1, follow: false, workspace, runId: s.runId + 1 }));
    },
    reset() {
      stream.restart();
      if (get().phase === 'running') void client.stop();
      update(IDLE_RUN);
    },
    async editData(data) {
      if (get().phase !== 'paused') throw new Error('pause the run first');
      update({ follow: true });
      await client.editData(ROOT, data);
      stream.flush();
      // Show the moment just after the edit at once: it is not a step run, so the slider's cursor
      // alone would still show the data before it. Continue follows the run again.
      const { events } = get();
      if (events.some((e) => e.kind === 'data-edited')) update({ eventCursor: events[events.length - 1].seq });
    },
    check: (workspace, data) => client.check(workspace, data),
    destroy() {
      stops.forEach((stop) => stop());
      stream.drop();
      client.dispose();
    },
  };

  const stops = [
    startChecks({ get, update, subscribe: store.subscribe, check: session.check }),
    useWorkspace.subscribe((state, previous) => {
      // A run's frame comes from the steps it ran, so an edit (every keystroke) leaves it as it is.
      const framed = get().events.length > 0 && get().workspace !== null;
      if (state.selectedTask !== previous.selectedTask || (!framed && state.workspace !== previous.workspace)) update({}, true);
      // A trace is replayed against the steps it ran: when steps are added, removed, renamed or
      // reordered it no longer lines up with the graph and is cleared; a code edit keeps it.
      const ran = get().workspace;
      if (state.workspace.steps === previous.workspace.steps || !ran || get().phase === 'running') return;
      if (stepNames(ran) !== stepNames(state.workspace)) session.reset();
    }),
    // The active branch keeps its own copy of the run.
    store.subscribe((run, previous) => {
      if (run.events === previous.events && run.workspace === previous.workspace) return;
      const { active } = useBranches.getState();
      useBranches.setState((s) => ({ branches: s.branches.map((b) => (b.id === active ? { ...b, events: run.events, workspace: run.workspace } : b)) }));
    }),
  ];
  update({}, true);
  return session;
}
