// What the engine worker tells the page while a run goes on, as a pure object over a `post`
// function: bench/appHooks.ts runs the same code, so the benchmark pays what the worker pays.
// Before user code runs under a new name (a step run, or conditions that run code) the page is
// told, so its watchdog can name a runaway step; trace events ride along, and otherwise go at
// most every EVENTS_MS. Events not yet sent are taken by the answer that ends an advance.
import type { TraceEvent } from '../engine/types.ts';

export type Slice = { task: string; step: number | null; spentMs: number; run?: number } | null;

export interface Progress {
  events: TraceEvent[];
  /**
   * The step run whose code is about to run (`run` is its number), or null between steps.
   * spentMs: CPU time the step run has used in earlier slices (the watchdog allows the rest).
   */
  slice: Slice;
  /** The seq of the newest event the run has recorded, sent or not. */
  seq: number;
}

/** How long trace events may wait in the worker before they are sent without a new slice. */
export const EVENTS_MS = 50;

const sameSlice = (a: Slice, b: Slice) =>
  a === b || (a !== null && b !== null && a.task === b.task && a.step === b.step && a.spentMs === b.spentMs && a.run === b.run);

export function createProgressReporter(post: (message: Progress & { steplab: 'progress' }) => void, now: () => number) {
  let buffer: TraceEvent[] = [];
  let told: Slice = null;
  let lastReport = now();
  let seq = -1;

  function flush(slice: Slice): void {
    post({ steplab: 'progress', events: buffer, slice, seq });
    buffer = [];
    told = slice;
    lastReport = now();
  }

  /** Sends when user code is about to run under a new name; otherwise only now and then. */
  function report(slice: Slice): void {
    if ((slice && !sameSlice(slice, told)) || now() - lastReport > EVENTS_MS) flush(slice);
  }

  return {
    onEvent(event: TraceEvent): void {
      buffer.push(event);
      seq = event.seq;
      // A step's first slice starts right after this event, before onSlice can name the step.
      if (event.kind === 'step-started') report({ task: event.task, step: event.step, spentMs: 0, run: event.run });
    },
    onSlice: report,
    /**
     * Sends what is waiting, between slices. The worker does this as an advance ends, before its
     * answer: a page that hears from a tampered realm mid-run (a forged message riding on any
     * post) then says so before it takes the answer.
     */
    finish(): void {
      flush(null);
    },
    /** The events not sent yet, for an answer to carry; the page gets each event once. */
    take(): TraceEvent[] {
      const events = buffer;
      buffer = [];
      return events;
    },
  };
}
