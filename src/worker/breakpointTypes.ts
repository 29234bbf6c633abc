// What the page sends the engine worker to pause a live run.
import type { Json } from '../engine/types.ts';

export interface DataBreakpoint {
  path: string;
  /** When set, only a change to this value pauses. */
  value?: Json;
}

export interface Breakpoints {
  /** Pause just before one of these steps runs. */
  steps: number[];
  /** Pause when one of these steps' conditions flips from no match to match. */
  conditions: number[];
  data: DataBreakpoint[];
}
