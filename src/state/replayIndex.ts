// Random access into a long trace for replay: the fold that frameAt does (replay.ts), kept as
// checkpoints every CHECKPOINT_EVERY events, plus sorted lists of the root's evaluations, step
// starts and ends. A seek copies one checkpoint and folds at most CHECKPOINT_EVERY events, so any
// position of a 100,000-event trace costs the same as one near the start. The index grows with
// the trace (see replayIndexOf), so a streaming run costs each event once.
import { formatPath } from '../engine/paths.ts';
import type { TaskStatus, TraceEvent } from '../engine/types.ts';
import { ROOT, type Frame, type NodeState, type StepMeta, type StepRunRef } from './replay.ts';

export const CHECKPOINT_EVERY = 256;

/** Events folded by seeks since the count was last reset: the work a seek costs (for tests). */
export const seekWork = { events: 0 };

interface Fold {
  counts: number[];
  redos: number[];
  failed: boolean[];
  matched: boolean[];
  everMatched: boolean[];
  ready: number[];
  status: TaskStatus | null;
}

const copyFold = (f: Fold): Fold => ({
  counts: f.counts.slice(),
  redos: f.redos.slice(),
  failed: f.failed.slice(),
  matched: f.matched.slice(),
  everMatched: f.everMatched.slice(),
  ready: f.ready,
  status: f.status,
});

/** Folds one event at or before the cursor into the state, exactly as frameAt's loop does. */
function fold(state: Fold, e: TraceEvent): void {
  if (e.kind === 'step-finished') {
    state.counts[e.step] = (state.counts[e.step] ?? 0) + 1;
    if (e.redo) state.redos[e.step] = (state.redos[e.step] ?? 0) + 1;
  } else if (e.kind === 'step-failed') {
    state.counts[e.step] = (state.counts[e.step] ?? 0) + 1;
    state.failed[e.step] = true;
  } else if (e.kind === 'evaluated' && e.task === ROOT) {
    for (const [i, pass] of e.flips) {
      state.matched[i] = pass;
      if (pass) state.everMatched[i] = true;
    }
    state.ready = e.ready;
  } else if (e.kind === 'task-ended' && e.task === ROOT) {
    state.status = e.status;
  }
}

/** The first index in a sorted list of seqs whose seq is greater than `seq`. */
function firstAfter(seqs: readonly number[], seq: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid] <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createReplayIndex(stepCount: number) {
  const empty = (): Fold => ({
    counts: new Array<number>(stepCount).fill(0),
    redos: new Array<number>(stepCount).fill(0),
    failed: new Array<boolean>(stepCount).fill(false),
    matched: new Array<boolean>(stepCount).fill(false),
    everMatched: new Array<boolean>(stepCount).fill(false),
    ready: [],
    status: null,
  });
  let events: readonly TraceEvent[] = [];
  const running = empty();
  /** checkpoints[k]: the fold after the events before seq k * CHECKPOINT_EVERY. */
  const checkpoints: Fold[] = [copyFold(running)];
  const rootEvaluated: number[] = [];
  const rootStarted: number[] = [];
  const rootEnded: number[] = [];
  /** Per step: the root evaluations that made it match, and the root step that finished last before each. */
  const madeReady = new Map<number, { seq: number; from: number | 'start' }[]>();
  let lastFinished: number | null = null;

  return {
    stepCount,
    /** Takes events[from..]; the events before `from` must be those already taken. */
    extend(all: readonly TraceEvent[], from: number): void {
      events = all;
      for (let k = from; k < all.length; k++) {
        const e = all[k];
        fold(running, e);
        if (e.task === ROOT) {
          if (e.kind === 'evaluated') {
            rootEvaluated.push(e.seq);
            for (const [i, pass] of e.flips) {
              if (!pass) continue;
              let list = madeReady.get(i);
              if (!list) madeReady.set(i, (list = []));
              list.push({ seq: e.seq, from: lastFinished ?? 'start' });
            }
          } else if (e.kind === 'step-started') rootStarted.push(e.seq);
          else if (e.kind === 'task-ended') rootEnded.push(e.seq);
          else if (e.kind === 'step-finished') lastFinished = e.step;
        }
        if ((k + 1) % CHECKPOINT_EVERY === 0) checkpoints.push(copyFold(running));
      }
    },
    /** frameAt (replay.ts) for this trace, from the nearest checkpoint. */
    frameAt(runs: readonly StepRunRef[], index: number, meta: readonly StepMeta[], atSeq?: number): Frame {
      const run = index >= 0 ? (runs[index] ?? null) : null;
      const upTo = Math.min(atSeq ?? (run ? run.seq : -1), events.length - 1);
      const c = Math.max(0, Math.min(checkpoints.length - 1, Math.floor((upTo + 1) / CHECKPOINT_EVERY)));
      const state = copyFold(checkpoints[c]);
      for (let k = c * CHECKPOINT_EVERY; k <= upTo; k++) {
        seekWork.events++;
        fold(state, events[k]);
      }
      let { ready, status } = state;
      let changed: string[] = [];
      const at = run ? events[run.seq] : undefined;
      if (at && at.seq <= upTo && at.kind === 'step-finished') changed = [...new Set(at.patches.map((p) => formatPath(p.path)))];
      // After the cursor, up to the root's next step start: its first evaluation says what is
      // ready given the data at the cursor, and its end (once a step ran) says how it ended.
      const nextStart = rootStarted[firstAfter(rootStarted, upTo)] ?? Infinity;
      const evaluated = rootEvaluated[firstAfter(rootEvaluated, upTo)];
      if (evaluated !== undefined && evaluated < nextStart) ready = (events[evaluated] as Extract<TraceEvent, { kind: 'evaluated' }>).ready;
      const ended = rootEnded[firstAfter(rootEnded, upTo)];
      if (run && ended !== undefined && ended < nextStart) status = (events[ended] as Extract<TraceEvent, { kind: 'task-ended' }>).status;
      const states = meta.map((m, i): NodeState => {
        if (run && run.step === i) return run.failed ? 'failed' : 'running';
        if (state.failed[i]) return 'failed';
        if (!m.valid) return 'invalid';
        if (!m.enabled) return 'disabled';
        if (ready[0] === i && status === null) return 'ready';
        if (ready.includes(i) && status === null) return 'waiting';
        if ((state.counts[i] ?? 0) > 0) return state.matched[i] && status === null ? 'waiting' : 'ran';
        return state.everMatched[i] || state.matched[i] ? 'idle' : 'never';
      });
      const counts = meta.map((_, i) => state.counts[i] ?? 0);
      const redos = meta.map((_, i) => state.redos[i] ?? 0);
      return { run, states, counts, redos, ready, changed, status };
    },
    /** activeEdgeAt (replay.ts): the last root step whose change made the run's step match. */
    activeEdgeAt(run: StepRunRef | null): string | null {
      if (!run || run.task !== ROOT) return null;
      const list = madeReady.get(run.step) ?? [];
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].seq < run.startSeq) lo = mid + 1;
        else hi = mid;
      }
      return `${lo > 0 ? list[lo - 1].from : 'start'}->${run.step}`;
    },
  };
}

export type ReplayIndex = ReturnType<typeof createReplayIndex>;

const built = new WeakMap<readonly TraceEvent[], ReplayIndex>();
let latest: { events: readonly TraceEvent[]; index: ReplayIndex } | null = null;

/** The replay index of a trace for `stepCount` steps; a grown copy of the last trace extends its index. */
export function replayIndexOf(events: readonly TraceEvent[], stepCount: number): ReplayIndex {
  let index = built.get(events);
  if (index && index.stepCount === stepCount) return index;
  const prev = latest;
  const n = prev?.events.length ?? 0;
  if (prev && prev.index.stepCount === stepCount && n > 0 && events.length >= n && events[0] === prev.events[0] && events[n - 1] === prev.events[n - 1]) {
    index = prev.index;
    index.extend(events, n);
  } else {
    index = createReplayIndex(stepCount);
    index.extend(events, 0);
  }
  built.set(events, index);
  latest = { events, index };
  return index;
}
