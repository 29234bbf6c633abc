// Checks what the sandbox child sends. The child's JSON comes from a realm step code shares, so
// it is read as untrusted: anything off-protocol is rejected, never trusted into the result.
import { isBeat, type Beat } from '../../engine/beats.ts';
import type { Coverage } from '../../engine/coverage.ts';
import { isCoverage, isExploreChunk, isShrunkExample } from '../../engine/explore/batchShapes.ts';
import type { ExploreChunk } from '../../engine/explore/exploreRange.ts';
import type { ShrunkExample } from '../../engine/explore/shrinkExample.ts';
import type { InvalidStep } from '../../engine/types.ts';

export type ChildMessage =
  | { type: 'ready' }
  | ({ type: 'beat' } & Beat)
  | { type: 'loaded'; stepNames: string[]; invalid: InvalidStep[] }
  | { type: 'done'; coverage?: Coverage }
  | { type: 'explored'; chunk: ExploreChunk }
  | { type: 'shrunk'; shrunk: ShrunkExample }
  | { type: 'failed'; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

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
      return isBeat(value) ? { type: 'beat', slice: value.slice, events: value.events, seq: value.seq } : null;
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
