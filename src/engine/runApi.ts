// The run's public surface: how a host drives the engine and what a run offers back.
import type { LeafResult } from './compileCondition.ts';
import type { LoadedStep } from './loadStep.ts';
import type { JsonObject, RunResult, TraceEvent } from './types.ts';

/** How the engine yields to its host so pending promises settle; injected, so the engine owns no timers. */
export interface RunHost {
  yieldMacrotask(): Promise<void>;
  /** Wall-clock milliseconds, for adding up a step run's CPU time; `performance.now()` by default. */
  now?(): number;
}

export interface RunOptions {
  host: RunHost;
  /** Name of the starting task; the workspace's first task by default. */
  taskName?: string;
  /** Starting data; overrides the named task's data. */
  data?: JsonObject;
  /**
   * Virtual time the run starts at, in ms (0 by default): a branch forked at t = 6.6 s goes on
   * from 6.6 s, so its events, timers and `new Date()` continue the run it was forked from.
   */
  startAt?: number;
  seed?: number;
  onEvent?: (event: TraceEvent) => void;
  /** Steps already loaded from this workspace (see loadSteps), so repeated runs skip parsing. */
  steps?: LoadedStep[];
  /**
   * Asked after each evaluation that found a ready step, before it starts; true pauses the run
   * there (a breakpoint). Resuming starts that step without asking again.
   */
  breakBefore?: (evaluation: { task: string; ready: number[]; flips: [number, boolean][] }) => boolean;
  /**
   * Called before user code may run (with its owner) and after (null); a watchdog hooks in here.
   * `spentMs` is the CPU time the step run already used in earlier slices: stepTimeoutMs covers
   * all slices of a run together, so a watchdog should stop this slice at stepTimeoutMs - spentMs.
   * A step run's own slices carry its `run` number. A task's slices (its conditions) are reported
   * only when some condition can run the user's code; a step's first slice starts right after
   * its `step-started` event, which names it.
   */
  onSlice?: (slice: { task: string; step: number | null; spentMs: number; run?: number } | null) => void;
  /** Test oracle: re-test every condition after every change instead of using the read index. */
  fullReevaluation?: boolean;
}

export interface Run {
  readonly steps: LoadedStep[];
  readonly events: TraceEvent[];
  /** Runs until the run ends, or until `pause` returns true for an emitted event. Resolves true when ended. */
  runUntil(pause?: (event: TraceEvent) => boolean): Promise<boolean>;
  runToEnd(): Promise<RunResult>;
  /** Stops the run: live tasks end as `waiting`. */
  stop(): void;
  readonly ended: boolean;
  result(): RunResult;
  /** A task's current data (between steps: the data the next condition check sees). */
  dataOf(taskId: string): JsonObject | undefined;
  /**
   * Replaces a waiting task's data while the run is paused, recorded as a `data-edited` event so
   * replay stays honest. A parked task wakes early, as for any change from outside.
   */
  editData(taskId: string, data: JsonObject): void;
  /** Leaf-by-leaf explanation of a step's condition against a task's current data. */
  explainStep(taskId: string, step: number): { match: boolean; leaves: LeafResult[] };
}
