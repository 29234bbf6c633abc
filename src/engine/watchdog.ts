// The one watchdog protocol, host side: the decision, with time passed in. A host (the page's
// engine clients, the CLI's child-process runners) feeds it beats (beats.ts), arms it while the
// engine works, and asks `expired()` from its own timer; killing the engine is the host's part.
import type { Beat, Slice } from './beats.ts';

export interface Watchdog {
  /** The engine is working: silence from now on counts. */
  arm(): void;
  /** The engine answered: nothing to watch until the next call. */
  disarm(): void;
  heard(beat: Beat): void;
  /** Armed, and silent longer than what the current step run has left of stepTimeoutMs. */
  expired(): boolean;
  /** The slice named by the last beat: the step run to blame when the engine is killed. */
  readonly slice: Slice;
  /** The last beat's seq: the newest event of a run, or a batch's variant. */
  readonly seq: number | null;
  /** Whether the last beat was exact: only then do `slice` and `seq` name what is running now. */
  readonly exact: boolean;
}

/** A step run's slices share one budget: a slice may use what earlier ones left. */
export function createWatchdog(stepTimeoutMs: number, now: () => number): Watchdog {
  let armed = false;
  let heardAt = now();
  let slice: Slice = null;
  let seq: number | null = null;
  let exact = true;
  return {
    arm() {
      armed = true;
      heardAt = now();
    },
    disarm() {
      armed = false;
    },
    heard(beat) {
      heardAt = now();
      slice = beat.slice;
      seq = beat.seq;
      exact = beat.loose !== true;
    },
    expired() {
      if (!armed) return false;
      const spent = slice !== null && slice.step !== null ? slice.spentMs : 0;
      return now() - heardAt > Math.max(0, stepTimeoutMs - spent);
    },
    get slice() {
      return slice;
    },
    get seq() {
      return seq;
    },
    get exact() {
      return exact;
    },
  };
}
