// The session's single event stream. The engine sends each event once (progress, then the
// answer, in order on one port); a replay after a runaway step sends the run again from its
// start, so events the session has are dropped, and it gets them in seq order, without
// duplicates or gaps. They are handed over at most ten times a second, so a long run costs the
// page a few renders, not one per step; less often when a render takes long (a big graph), so
// rendering takes at most about a third of the page's time while a run streams in.
import type { TraceEvent } from '../engine/types.ts';
import { stepRunsOf, type StepRunRef } from './replay.ts';

export interface EventStream {
  append(batch: TraceEvent[]): void;
  /** Hands over every contiguous waiting event now. */
  flush(): void;
  /** Forgets what is waiting (a killed engine's last words, or a run being replaced). */
  drop(): void;
  /** A new trace: drops what is waiting and finds step runs from the start again. */
  restart(): void;
  /** The step runs of a whole trace, for one that is shown rather than streamed. */
  runsOf(events: TraceEvent[]): StepRunRef[];
}

const FLUSH_MS = 100;
const MAX_FLUSH_MS = 1000;

export function createEventStream(
  current: () => TraceEvent[],
  deliver: (events: TraceEvent[], added: StepRunRef[]) => void,
  now = () => performance.now(),
): EventStream {
  const early = new Map<number, TraceEvent>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let wait = FLUSH_MS;
  /** Each task's last step start so far, so step runs are found in new events only. */
  let startedByTask = new Map<string, number>();

  const drop = () => {
    early.clear();
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const known = current();
    if (!early.has(known.length)) return;
    const events = known.slice();
    while (early.has(events.length)) {
      events.push(early.get(events.length)!);
      early.delete(events.length - 1);
    }
    const started = now();
    deliver(events, stepRunsOf(events.slice(known.length), startedByTask));
    // The page renders what it was handed in a microtask; a macrotask later that has happened.
    setTimeout(() => (wait = Math.min(MAX_FLUSH_MS, Math.max(FLUSH_MS, 2 * (now() - started)))), 0);
  };
  return {
    append(batch) {
      const known = current().length;
      for (const e of batch) if (e.seq >= known) early.set(e.seq, e);
      timer ??= setTimeout(flush, wait);
    },
    flush,
    drop,
    restart() {
      drop();
      startedByTask = new Map();
    },
    runsOf(events) {
      startedByTask = new Map();
      return stepRunsOf(events, startedByTask);
    },
  };
}
