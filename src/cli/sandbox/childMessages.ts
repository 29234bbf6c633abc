// Checks what the sandbox child sends. The child's JSON comes from a realm step code shares, so
// it is read as untrusted: anything off-protocol is rejected, never trusted into the result.
import type { Coverage } from '../../engine/coverage.ts';
import { isCoverage, isExploreChunk, isShrunkExample } from '../../engine/explore/batchShapes.ts';
import type { ExploreChunk } from '../../engine/explore/exploreRange.ts';
import type { ShrunkExample } from '../../engine/explore/shrinkExample.ts';
import type { InvalidStep, TraceEvent } from '../../engine/types.ts';

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'beat'; task: string | null; step: number | null; spent: number; events: TraceEvent[]; variant?: number }
  | { type: 'loaded'; stepNames: string[]; invalid: InvalidStep[] }
  | { type: 'done'; coverage?: Coverage }
  | { type: 'explored'; chunk: ExploreChunk }
  | { type: 'shrunk'; shrunk: ShrunkExample }
  | { type: 'failed'; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStepIndex = (v: unknown) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0);

function isEvent(v: unknown): v is TraceEvent {
  return isObject(v) && typeof v.kind === 'string' && typeof v.task === 'string' && Number.isSafeInteger(v.seq) && typeof v.t === 'number';
}

function isInvalidStep(v: unknown): v is InvalidStep {
  return isObject(v) && typeof v.step === 'string' && Number.isSafeInteger(v.index) && typeof v.message === 'string';
}

/** The message, when it is well formed; null otherwise. */
export function readChildMessage(raw: unknown): ChildMessage | null {
  let value: unknown;
  try {
    value = typeof raw === 'string' ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'beat':
      if ((value.task !== null && typeof value.task !== 'string') || !isStepIndex(value.step)) return null;
      if (typeof value.spent !== 'number' || !(value.spent >= 0) || !Array.isArray(value.events) || !value.events.every(isEvent)) return null;
      if (value.variant !== undefined && !Number.isSafeInteger(value.variant)) return null;
      return value as ChildMessage;
    case 'loaded':
      if (!Array.isArray(value.stepNames) || !value.stepNames.every((n) => typeof n === 'string')) return null;
      return Array.isArray(value.invalid) && value.invalid.every(isInvalidStep) ? (value as ChildMessage) : null;
    case 'ready':
      return { type: value.type };
    case 'done':
      if (value.coverage === undefined) return { type: 'done' };
      return isCoverage(value.coverage) ? { type: 'done', coverage: value.coverage } : null;
    case 'explored':
      return isExploreChunk(value.chunk) ? { type: 'explored', chunk: value.chunk } : null;
    case 'shrunk':
      return isShrunkExample(value.shrunk) ? { type: 'shrunk', shrunk: value.shrunk } : null;
    case 'failed':
      return { type: 'failed', message: typeof value.message === 'string' ? value.message.slice(0, 2000) : 'unknown error' };
    default:
      return null;
  }
}
