// Shape checks for the messages the page receives on the engine port. Step code shares the
// worker's realm, so it can forge any message on any port it can reach: the page accepts only
// plain data of the expected shape, and treats anything else as a broken engine.
import { isBeat, type Beat } from '../engine/beats.ts';
import { isRecord } from '../engine/traceShape.ts';

export { isStepCheckList, isTraceEvent, isTraceEventList } from '../engine/traceShape.ts';

/** A beat (engine/beats.ts) on the engine port: new trace events and the step about to run. */
export type ProgressMessage = Beat & { steplab: 'progress' };

export function isProgressMessage(value: unknown): value is ProgressMessage {
  return isRecord(value) && value.steplab === 'progress' && isBeat(value);
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
