// The world at the replay cursor, derived from the run, the steps and their checks. The session
// derives it in the same update as the change that moves it, so every panel sees one state.
import type { StepCheck } from '../engine/checkSteps.ts';
import { dataIndexOf } from '../engine/traceFold.ts';
import type { Workspace } from '../engine/types.ts';
import { ROOT, type Frame } from './replay.ts';
import { replayIndexOf } from './replayIndex.ts';
import { EMPTY_FRAME, type FrameFields, type RunFields } from './sessionState.ts';

export function deriveFrame(run: RunFields, workspace: Workspace, selectedTask: number, checks: StepCheck[]): FrameFields {
  const { events, runs, cursor, eventCursor } = run;
  const steps = (run.workspace ?? workspace).steps;
  const meta = steps.map((s, i) => ({ enabled: s.enabled, valid: checks[i]?.valid ?? true }));
  if (events.length === 0) {
    const states = meta.map((m, i) => (!m.valid ? 'invalid' : !m.enabled ? 'disabled' : checks[i]?.match ? 'ready' : 'idle') as Frame['states'][number]);
    return {
      frame: { ...EMPTY_FRAME, states, counts: steps.map(() => 0), redos: steps.map(() => 0) },
      seq: -1,
      t: 0,
      data: workspace.tasks[selectedTask]?.data ?? {},
      activeEdge: null,
    };
  }
  // Both indexes grow with the trace and seek from snapshots: a change costs what is new, and a
  // cursor move what lies between the cursor and the nearest snapshot, not the whole trace.
  const index = replayIndexOf(events, steps.length);
  const frame = index.frameAt(runs, cursor, meta, eventCursor ?? undefined);
  const seq = eventCursor ?? (frame.run ? frame.run.seq : (events.find((e) => e.kind === 'task-created')?.seq ?? 0));
  const data = dataIndexOf(events).dataAt(ROOT, seq) ?? {};
  return { frame, seq, t: events[seq]?.t ?? 0, data, activeEdge: index.activeEdgeAt(frame.run) };
}
