// The lesson player: which stop is shown, where it puts the cursor, and what it highlights.
import { create } from 'zustand';
import type { Lesson, LessonStop } from '../engine/lesson.ts';
import type { TraceEvent } from '../engine/types.ts';
import { ROOT } from './replay.ts';
import { useWorkspace } from './workspaceStore.ts';
import { sessionState } from './currentSession.ts';
import { jumpToEvent, runToEnd } from './runCommands.ts';

/** The event a stop points at: its seq, or the first run of the named step (the root task's first). */
export function resolveStop(stop: LessonStop, events: readonly TraceEvent[], names: readonly string[]): number | null {
  if (typeof stop.at === 'number') return stop.at < events.length ? stop.at : null;
  const step = names.indexOf(stop.at);
  if (step < 0) return null;
  const runs = events.filter((e) => (e.kind === 'step-finished' || e.kind === 'step-failed') && e.step === step);
  const run = runs.find((e) => e.task === ROOT) ?? runs[0];
  return run ? run.seq : null;
}

export interface LessonState {
  lesson: Lesson | null;
  index: number;
  /** Step names and data paths the current stop highlights. */
  highlight: string[];
  missing: string | null;
}

export const useLesson = create<LessonState>(() => ({ lesson: null, index: 0, highlight: [], missing: null }));

function show(index: number): void {
  const { lesson } = useLesson.getState();
  if (!lesson) return;
  const clamped = Math.max(0, Math.min(lesson.stops.length - 1, index));
  const stop = lesson.stops[clamped];
  const { events, workspace } = sessionState();
  const names = (workspace ?? useWorkspace.getState().workspace).steps.map((s) => s.name);
  const seq = resolveStop(stop, events, names);
  if (seq !== null) jumpToEvent(seq);
  useLesson.setState({
    index: clamped,
    highlight: stop.highlight,
    missing: seq === null ? `This stop points at “${String(stop.at)}”, which this run does not reach.` : null,
  });
}

/** Starts the workspace's lesson, running the first task first if nothing has run. */
export async function startLesson(): Promise<void> {
  const { workspace } = useWorkspace.getState();
  if (!workspace.lesson) return;
  useLesson.setState({ lesson: workspace.lesson, index: 0, highlight: [], missing: null });
  if (sessionState().events.length === 0 || sessionState().phase !== 'ended') {
    useWorkspace.setState({ selectedTask: 0 });
    await runToEnd();
  }
  show(0);
}

export const nextStop = () => show(useLesson.getState().index + 1);
export const previousStop = () => show(useLesson.getState().index - 1);
export const endLesson = () => useLesson.setState({ lesson: null, index: 0, highlight: [], missing: null });
