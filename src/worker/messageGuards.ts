// Shape checks for the messages the page receives on the engine port. Step code shares the
// worker's realm, so it can forge any message on any port it can reach: the page accepts only
// plain data of the expected shape, and treats anything else as a broken engine.
import { isRecord, isTraceEventList } from '../engine/traceShape.ts';

export { isStepCheckList, isTraceEvent, isTraceEventList } from '../engine/traceShape.ts';

export interface ProgressMessage {
  steplab: 'progress';
  events: unknown[];
  slice: { task: string; step: number | null; spentMs: number; run?: number } | null;
  /** The newest event's seq in the worker, sent or not yet. */
  seq?: number;
}

const optionalNumber = (v: unknown) => v === undefined || typeof v === 'number';

/** A progress message from the worker: new trace events and the step about to run. */
export function isProgressMessage(value: unknown): value is ProgressMessage {
  if (!isRecord(value) || value.steplab !== 'progress' || !isTraceEventList(value.events) || !optionalNumber(value.seq)) return false;
  const slice = value.slice;
  return (
    slice === null ||
    (isRecord(slice) &&
      typeof slice.task === 'string' &&
      (slice.step === null || typeof slice.step === 'number') &&
      typeof slice.spentMs === 'number' &&
      optionalNumber(slice.run))
  );
}

/**
 * A comlink reply the page may act on: a plain value, or a thrown error. Replies that would make
 * the page build a proxy (comlink's "proxy" handler) or anything else are refused.
 */
export function isComlinkReply(value: unknown): boolean {
  if (!isRecord(value) || typeof value.id !== 'string') return false;
  if (value.type === 'RAW') return true;
  if (value.type !== 'HANDLER' || value.name !== 'throw' || !isRecord(value.value)) return false;
  const thrown = value.value;
  return thrown.isError === true ? isRecord(thrown.value) && typeof thrown.value.message === 'string' : typeof thrown.value !== 'function';
}
