// What the run controls do (Run, Step, Stop, Reset, the slider), as plain functions over the
// page's session, for buttons, keys, lessons and saved sessions alike.
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import { session, sessionState } from './currentSession.ts';
import type { StartPoint } from './session.ts';

/** Runs the selected task to the end (continuing a paused run). */
export async function runToEnd(): Promise<void> {
  const { phase } = sessionState();
  if (phase === 'running') return;
  if (phase !== 'paused' && !(await session().start())) return;
  await session().advance('end');
}

/** Runs one more step run, starting a run if none is paused. */
export async function stepOnce(): Promise<void> {
  const { phase } = sessionState();
  if (phase === 'running') return;
  if (phase !== 'paused' && !(await session().start())) return;
  await session().advance('step');
}

/** Runs a saved run again from its inputs (runs are deterministic), without breakpoints. */
export async function rerun(workspace: Workspace, taskName: string | undefined, start: StartPoint | undefined): Promise<void> {
  session().setStartPoint(start);
  if (await session().start(workspace, taskName)) await session().advance('end', { steps: [], conditions: [], data: [] });
}

export const stopRun = (): Promise<void> => session().stop();
export const resetRun = (): void => session().reset();
export const loadTrace = (workspace: Workspace, events: TraceEvent[]): void => session().show(workspace, events);
export const editPausedData = (data: JsonObject): Promise<void> => session().editData(data);
export const setStartPoint = (start: StartPoint | undefined): void => session().setStartPoint(start);
export const setCursor = (run: number): void => session().seek({ run });
/** Moves the cursor to one event: every panel then shows the world just after it. */
export const jumpToEvent = (seq: number): void => session().seek({ seq });
export const moveCursor = (delta: number): void => setCursor(sessionState().cursor + delta);

/** True when Step would start a new run and discard a finished one the person may still want. */
export function stepWouldDiscardRun(): boolean {
  const { phase, events } = sessionState();
  return phase === 'ended' && events.length > 0;
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
