// The session's one state: the run as it streams in, the replay cursor, the world at the cursor
// (derived), and the step checks (computed in the worker). Components read it through selectors.
import type { StepCheck } from '../engine/checkSteps.ts';
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import type { Frame, StepRunRef } from './replay.ts';

export type RunPhase = 'idle' | 'running' | 'paused' | 'ended';

export interface RunFields {
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

/** The world at the cursor, derived from the run fields (deriveFrame.ts). */
export interface FrameFields {
  frame: Frame;
  /** The trace position shown: an event's seq, and its virtual time. */
  seq: number;
  t: number;
  /** Root task data at the cursor (the starting data before any run). */
  data: JsonObject;
  activeEdge: string | null;
}

export interface CheckFields {
  /** The steps checked against the selected task's starting data (badges, editor markers). */
  checks: StepCheck[];
  /** Set when checking itself failed, e.g. a condition that never returns. */
  checkError: string | null;
  /** The steps checked against the data at the cursor (Why), and the seq they were checked at. */
  cursorChecks: StepCheck[];
  cursorChecksSeq: number;
}

export type SessionState = RunFields & FrameFields & CheckFields;

export const EMPTY_FRAME: Frame = { run: null, states: [], counts: [], redos: [], ready: [], changed: [], status: null };

export const IDLE_RUN: Omit<RunFields, 'runId'> = {
  phase: 'idle',
  events: [],
  runs: [],
  cursor: -1,
  eventCursor: null,
  follow: true,
  workspace: null,
  error: null,
  why: null,
  pausedBy: null,
};

export function initialSessionState(): SessionState {
  return {
    ...IDLE_RUN,
    runId: 0,
    frame: EMPTY_FRAME,
    seq: -1,
    t: 0,
    data: {},
    activeEdge: null,
    checks: [],
    checkError: null,
    cursorChecks: [],
    cursorChecksSeq: -2,
  };
}
