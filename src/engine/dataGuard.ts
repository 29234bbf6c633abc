// Keeps task data JSON and within maxDataBytes, cheaply: sizes are tracked from patches and
// only measured in full when a task gets close to the limit.
import { applyJsonPatches } from './jsonDraft.ts';
import type { JsonObject, Patch } from './types.ts';

export class DataLimitError extends Error {
  name = 'DataLimitError';
}

export function createDataGuard(maxBytes: number) {
  const measure = (value: unknown): number => (value === undefined ? 0 : (JSON.stringify(value) ?? '').length);
  return {
    measure,
    /** Replaces non-JSON values written by a step (Dates, undefined, NaN…) with their JSON form. */
    normalize(base: JsonObject, [next, patches, inverse]: [JsonObject, Patch[], Patch[]]): [JsonObject, Patch[], Patch[]] {
      if (patches.every((p) => p.op === 'remove' || isJson(p.value))) return [next, patches, inverse];
      const fixed = patches.map((p) =>
        p.op === 'remove' || isJson(p.value) ? p : { ...p, value: p.value === undefined ? null : JSON.parse(JSON.stringify(p.value) ?? 'null') },
      );
      return [applyJsonPatches(base, fixed), fixed, inverse];
    },
    /** Returns the task's new estimated size; throws DataLimitError when the data is too large. */
    check(previous: number, next: JsonObject, patches: Patch[], inverse: Patch[]): number {
      let estimate = previous;
      for (const p of patches) if (p.op !== 'remove') estimate += measure(p.value) + String(p.path[p.path.length - 1] ?? '').length + 4;
      for (const p of inverse) if (p.op !== 'remove') estimate -= measure(p.value) + String(p.path[p.path.length - 1] ?? '').length + 4;
      if (estimate < maxBytes * 0.9) return Math.max(estimate, 0);
      const exact = measure(next);
      if (exact > maxBytes) {
        throw new DataLimitError(`task data is too large: ${exact} bytes of JSON exceeds maxDataBytes (${maxBytes}); the step's changes were not applied`);
      }
      return exact;
    },
  };
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value as Record<string, unknown>) if (!isJson((value as Record<string, unknown>)[key])) return false;
  return true;
}
