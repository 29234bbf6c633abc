// The world at the replay cursor, derived once per change and read by every panel through
// narrow selectors, so moving the cursor re-renders only what changed.
import { create } from 'zustand';
import { dataIndexOf } from '../engine/traceFold.ts';
import type { JsonObject } from '../engine/types.ts';
import { useChecks } from './checksStore.ts';
import { ROOT, type Frame } from './replay.ts';
import { replayIndexOf } from './replayIndex.ts';
import { useRun } from './runStore.ts';
import { useWorkspace } from './workspaceStore.ts';

export interface FrameState {
  frame: Frame;
  /** The trace position shown: an event's seq, and its virtual time. */
  seq: number;
  t: number;
  /** Root task data at the cursor (the starting data before any run). */
  data: JsonObject;
  activeEdge: string | null;
}

const EMPTY: Frame = { run: null, states: [], counts: [], redos: [], ready: [], changed: [], status: null };
export const useFrame = create<FrameState>(() => ({ frame: EMPTY, seq: -1, t: 0, data: {}, activeEdge: null }));

function recompute(): void {
  const { events, runs, cursor, eventCursor, workspace: ranWorkspace } = useRun.getState();
  const { workspace, selectedTask } = useWorkspace.getState();
  const checks = useChecks.getState().checks;
  const steps = (ranWorkspace ?? workspace).steps;
  const meta = steps.map((s, i) => ({ enabled: s.enabled, valid: checks[i]?.valid ?? true }));
  if (events.length === 0) {
    const states = meta.map((m, i) => (!m.valid ? 'invalid' : !m.enabled ? 'disabled' : checks[i]?.match ? 'ready' : 'idle') as Frame['states'][number]);
    useFrame.setState({
      frame: { ...EMPTY, states, counts: steps.map(() => 0), redos: steps.map(() => 0) },
      seq: -1,
      t: 0,
      data: workspace.tasks[selectedTask]?.data ?? {},
      activeEdge: null,
    });
    return;
  }
  // Both indexes grow with the trace and seek from snapshots: a change costs what is new, and a
  // cursor move what lies between the cursor and the nearest snapshot, not the whole trace.
  const index = replayIndexOf(events, steps.length);
  const frame = index.frameAt(runs, cursor, meta, eventCursor ?? undefined);
  const seq = eventCursor ?? (frame.run ? frame.run.seq : (events.find((e) => e.kind === 'task-created')?.seq ?? 0));
  const data = dataIndexOf(events).dataAt(ROOT, seq) ?? {};
  useFrame.setState({ frame, seq, t: events[seq]?.t ?? 0, data, activeEdge: index.activeEdgeAt(frame.run) });
}

/** Keeps the frame in step with the run, the cursor, the steps and their checks. */
export function watchFrame(): () => void {
  recompute();
  const stops = [
    useRun.subscribe(recompute),
    useWorkspace.subscribe((s, prev) => (s.workspace !== prev.workspace || s.selectedTask !== prev.selectedTask) && recompute()),
    useChecks.subscribe(recompute),
  ];
  return () => stops.forEach((stop) => stop());
}
