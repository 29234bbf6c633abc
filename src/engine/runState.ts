// The mutable state of tasks and step runs inside one run. Only the scheduler changes it.
import type { QueuedEvent } from './eventQueue.ts';
import type { StepGlobals, StepInstance } from './loadStep.ts';
import type { Json, JsonObject, Patch, SourceError, TaskStatus } from './types.ts';

export type TaskPhase = 'queued' | 'stepping' | 'parked' | 'waiting-children' | 'idle' | 'ended';

export interface SubtaskRequest {
  name: string;
  data: JsonObject;
  into: string[] | null;
  waitFor: boolean;
}

/** What a step asked for; applied only if the step finishes without error. */
export interface StepEffects {
  /** `result` is absent for `complete()` with no argument: the task's final data is the result. */
  complete: { result?: Json } | null;
  ignore: boolean;
  park: number | null;
  redo: boolean;
  subtasks: SubtaskRequest[];
  name: string | null;
  tags: string[] | null;
}

export interface StepRun {
  task: TaskState;
  step: number;
  run: number;
  draft: Record<string, unknown>;
  instance: StepInstance | null;
  finalize: () => [JsonObject, Patch[], Patch[]];
  /** Drops the run's changes to its task's data (see JsonDraft.revert). */
  revert: () => void;
  effects: StepEffects;
  pendingOps: number;
  /** Timers armed and not yet fired or cleared. */
  timers: Set<QueuedEvent<StepRun | null>> | null;
  /** Timer callbacks fired so far in this run (capped, see limits.ts). */
  timerFirings: number;
  /** Wall-clock milliseconds of user code in this run, all slices added up. */
  cpuMs: number;
  ended: boolean;
  /** Resolves when the content settles (or a timer callback throws): `null` on success, or the error. */
  done: Promise<{ error: unknown } | null>;
  /** Set as soon as the run's outcome is known; undefined while it still runs. */
  outcome: { error: unknown } | null | undefined;
  /** Settles the run once; later calls are ignored. */
  settle(outcome: { error: unknown } | null): void;
}

export interface TaskState {
  id: string;
  name: string;
  tags: string[];
  parent: TaskState | null;
  into: string[] | null;
  waitedByParent: boolean;
  createdAt: number;
  data: JsonObject;
  dataBytes: number;
  instances: (StepInstance | null)[];
  globals: StepGlobals | null;
  /** The step whose module is being set up, for logs written at its top level. */
  loadingStep: number;
  conditionErrors: Map<number, string>;
  armed: boolean[];
  matches: boolean[];
  ready: Set<number>;
  /** Paths changed since the last evaluation; `null` means re-test everything. */
  dirty: Patch['path'][] | null;
  /** The data `matches` was last computed on (copy-on-write, so never changed since). */
  tested: JsonObject | null;
  phase: TaskPhase;
  run: StepRun | null;
  parkEvent: QueuedEvent<StepRun | null> | null;
  expireEvent: QueuedEvent<StepRun | null> | null;
  /** The task's evaluation as a reusable callback for the event queue. */
  evaluateNow?: () => StepRun | null;
  completeOnExpire: { result?: Json } | null;
  children: TaskState[];
  /** Every child before this index has ended (an ended task never runs again): see hasLiveChild. */
  childScan: number;
  waitingFor: Set<TaskState>;
  /** Subtask results that arrived while a step was running, applied after it. */
  deferredResults: { child: TaskState; value: Json }[];
  status: TaskStatus;
  result: Json;
  error: SourceError | null;
  ran: string[];
}

export function emptyEffects(): StepEffects {
  return { complete: null, ignore: false, park: null, redo: false, subtasks: [], name: null, tags: null };
}

type Outcome = { error: unknown } | null;

/**
 * A step run's state. A class, so a run costs one object: `done` is made only when the loop has
 * to wait for a run that did not settle within a few microtasks, which most runs do.
 */
export class StepRunState implements StepRun {
  effects: StepEffects = emptyEffects();
  instance: StepInstance | null = null;
  pendingOps = 0;
  timers: Set<QueuedEvent<StepRun | null>> | null = null;
  timerFirings = 0;
  cpuMs = 0;
  ended = false;
  outcome: Outcome | undefined = undefined;
  private donePromise: Promise<Outcome> | null = null;
  private resolveDone: ((outcome: Outcome) => void) | null = null;

  constructor(
    readonly task: TaskState,
    readonly step: number,
    readonly run: number,
    readonly draft: Record<string, unknown>,
    readonly finalize: () => [JsonObject, Patch[], Patch[]],
    readonly revert: () => void,
  ) {}

  get done(): Promise<Outcome> {
    if (!this.donePromise) {
      if (this.outcome !== undefined) this.donePromise = Promise.resolve(this.outcome);
      else this.donePromise = new Promise((resolve) => (this.resolveDone = resolve));
    }
    return this.donePromise;
  }

  settle(outcome: Outcome): void {
    if (this.outcome !== undefined) return;
    this.outcome = outcome;
    this.resolveDone?.(outcome);
  }
}

/** Whether any child of the task has not ended. Amortized O(1): the scan never goes back over ended children. */
export function hasLiveChild(task: TaskState): boolean {
  const { children } = task;
  while (task.childScan < children.length && children[task.childScan].phase === 'ended') task.childScan++;
  return task.childScan < children.length;
}
