// What the scheduler's parts share inside one run: its state and the few operations they call
// on each other. createRun builds it; runLoop and subtaskResults use it.
import type { DataGuard } from './dataGuard.ts';
import type { EventQueue, QueuedEvent } from './eventQueue.ts';
import type { LoadedStep } from './loadStep.ts';
import type { RunOptions } from './runApi.ts';
import type { StepRun, TaskState } from './runState.ts';
import type { Json, Limits, NewTraceEvent, Patch, SourceError, TaskStatus, TraceEvent } from './types.ts';

/** How a task ends; a `done` end without `result` gives the task's final data. */
export type TaskEnd = { status: TaskStatus; result?: Json; error: SourceError | null; step?: number | null };

export interface RunCore {
  steps: LoadedStep[];
  limits: Limits;
  options: RunOptions;
  queue: EventQueue<StepRun | null>;
  tasks: TaskState[];
  events: TraceEvent[];
  guard: DataGuard;
  /** Virtual milliseconds since the start time. */
  now: number;
  ended: boolean;
  /** The pause predicate of the current runUntil call, and whether it fired. */
  pausing: ((event: TraceEvent) => boolean) | undefined;
  pauseHit: boolean;
  emit(event: NewTraceEvent): void;
  schedule(time: number, task: TaskState, fire: () => StepRun | null, owner?: StepRun): QueuedEvent<StepRun | null>;
  queueEvaluation(task: TaskState): void;
  /** Records the ready set for the task's current data now, without starting a step. */
  testConditions(task: TaskState): void;
  resume(task: TaskState, reason: 'timer' | 'data' | 'children'): void;
  markDirty(task: TaskState, patches: Patch[]): void;
  finishRun(run: StepRun, outcome: { error: unknown } | null): void;
  failRun(run: StepRun, error: SourceError): void;
  endTask(task: TaskState, end: TaskEnd): void;
  /** Records at the root that a limit stopped something in another task, so the root's view says so. */
  noteLimit(task: TaskState, message: string): void;
}

export const sourceError = (message: string): SourceError => ({ message, line: null, column: null });
