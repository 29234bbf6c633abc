// The one watchdog protocol, engine side. Step code can hold the engine's thread for ever, so
// before any slice of it runs the host is told which step run it belongs to and how much CPU that
// run has already used (a "beat"); a host that hears nothing for the rest of stepTimeoutMs kills
// the engine (see watchdog.ts) and knows whom to blame. The browser worker and the CLI's child
// process send the same beats; only the transport differs (a MessagePort, or JSON on IPC).
import { isRecord, isTraceEventList } from './traceShape.ts';
import type { TraceEvent } from './types.ts';

/** The step run whose code is about to run (`run` is its number), or null between steps. */
export type Slice = { task: string; step: number | null; spentMs: number; run?: number } | null;

export interface Beat {
  slice: Slice;
  /** Trace events not sent before (a run's beats carry them; a batch's carry none). */
  events: TraceEvent[];
  /** How far the work has got: a run's newest event seq, sent or not; a batch's variant index. */
  seq: number;
  /** Set by loose beats (see createBatchBeats): the slice is the newest at send time, not the current one. */
  loose?: true;
}

export interface BeatHooks {
  onEvent(event: TraceEvent): void;
  onSlice(slice: Slice): void;
  /** Batches only: the next variant (or task under test) starts. */
  onVariant(index: number): void;
  /** Sends what is waiting, between slices (as an advance or a run ends). */
  finish(): void;
  /** Takes the events not sent yet, for an answer to carry; the host gets each event once. */
  take(): TraceEvent[];
}

/** With nothing new to say, a beat goes at most this often; a silent host kills after stepTimeoutMs. */
export const QUIET_BEAT_MS = 50;

const sameSlice = (a: Slice, b: Slice) =>
  a === b || (a !== null && b !== null && a.task === b.task && a.step === b.step && a.spentMs === b.spentMs && a.run === b.run);

/**
 * A run's beats: one before each new slice (so at least one per step run, carrying its
 * `step-started` event), and otherwise at most every QUIET_BEAT_MS with the events waiting.
 * Always exact: loose run beats (a beat every QUIET_BEAT_MS past a run's first step runs) were
 * measured side by side and gained nothing, in the bench or in the browser, where the sandbox
 * frame already merges beats on their way to the page; they would only have made a runaway
 * slower to name.
 */
export function createRunBeats(post: (beat: Beat) => void, now: () => number): BeatHooks {
  let buffer: TraceEvent[] = [];
  let told: Slice = null;
  let toldAt = now();
  let seq = -1;
  const send = (slice: Slice) => {
    post({ slice, events: buffer, seq });
    buffer = [];
    told = slice;
    toldAt = now();
  };
  const onSlice = (slice: Slice) => {
    if ((slice && !sameSlice(slice, told)) || now() - toldAt > QUIET_BEAT_MS) send(slice);
  };
  return {
    onEvent(event) {
      buffer.push(event);
      seq = event.seq;
      // A step's first slice starts right after this event, before onSlice can name the step.
      if (event.kind === 'step-started') onSlice({ task: event.task, step: event.step, spentMs: 0, run: event.run });
    },
    onSlice,
    onVariant() {},
    finish: () => send(null),
    take() {
      const events = buffer;
      buffer = [];
      return events;
    },
  };
}

/**
 * A batch's beats (tests, Explore, shrinking): no events, and `seq` names the variant. Exact, a
 * new variant always beats, and a slice when its variant, task or step differ from the last beat
 * or QUIET_BEAT_MS passed, since a loop re-running one step (or a step awaiting in every run)
 * would otherwise beat at every slice, which costs more than the step. The CPU a step run has
 * used is then at most QUIET_BEAT_MS old: a watchdog that hears it late kills a runaway slice no
 * sooner.
 *
 * Loose (`exact` false), only the newest slice goes, at most every QUIET_BEAT_MS, marked `loose`:
 * a message per variant and step run cost Explore a third of its time. A host that kills an
 * engine on a loose beat knows only roughly what hung, so it runs the same work again (it is
 * deterministic) with exact beats to learn which variant and step run it was.
 */
export function createBatchBeats(post: (beat: Beat) => void, now: () => number, exact = true): BeatHooks {
  let variant = -1;
  let told = '';
  let toldAt = 0;
  const beat = (slice: Slice, force = false) => {
    if (!force && !exact && now() - toldAt < QUIET_BEAT_MS) return;
    let key = told;
    if (!force && exact) {
      // Between steps (a null slice) there is nothing new to say, or the beats would alternate.
      key = slice ? `${variant}:${slice.task}:${slice.step}` : told;
      if (key === told && now() - toldAt < QUIET_BEAT_MS) return;
    }
    post(exact ? { slice, events: [], seq: variant } : { slice, events: [], seq: variant, loose: true });
    told = key;
    toldAt = now();
  };
  return {
    onEvent(event) {
      if (event.kind === 'step-started') beat({ task: event.task, step: event.step, spentMs: 0, run: event.run });
    },
    onSlice: (slice) => beat(slice),
    onVariant(index) {
      variant = index;
      beat(null, exact);
    },
    finish: () => beat(null, true),
    take: () => [],
  };
}

const optionalNumber = (v: unknown) => v === undefined || typeof v === 'number';

/** A beat of the right shape. It comes from step code's realm, so hosts check before use. */
export function isBeat(value: unknown): value is Beat {
  if (!isRecord(value) || !Number.isSafeInteger(value.seq) || !isTraceEventList(value.events)) return false;
  if (value.loose !== undefined && value.loose !== true) return false;
  const slice = value.slice;
  return (
    slice === null ||
    (isRecord(slice) &&
      typeof slice.task === 'string' &&
      (slice.step === null || (Number.isSafeInteger(slice.step) && (slice.step as number) >= 0)) &&
      typeof slice.spentMs === 'number' &&
      (slice.spentMs as number) >= 0 &&
      optionalNumber(slice.run))
  );
}
