// Keeps task data JSON and within maxDataBytes: written values are stored as fresh JSON copies,
// and the exact UTF-8 size of the data is checked after every change (sizes of untouched
// containers are cached, so the check costs what the change touched, not the data's size).
import { createDataSizer } from './dataSize.ts';
import { jsonScalar, NOT_SCALAR, toJsonValue } from './jsonValue.ts';
import { dataLimitMessage, LimitError } from './limits.ts';
import type { Json, JsonObject, Patch } from './types.ts';

export type DataGuard = ReturnType<typeof createDataGuard>;

export function createDataGuard(maxBytes: number) {
  const size = createDataSizer();
  const check = (data: JsonObject, what: string): number => {
    const bytes = size(data);
    if (bytes > maxBytes) throw new LimitError(dataLimitMessage(bytes, maxBytes, what));
    return bytes;
  };
  return {
    maxBytes,
    size,
    /** Throws LimitError when `data` is over the limit; returns its size. */
    check,
    /** Throws LimitError when a value (a result, subtask data) would not fit in task data. */
    checkValue(value: Json, what: string): void {
      const bytes = size(value);
      if (bytes > maxBytes) throw new LimitError(`${what} is too large: ${bytes} bytes of JSON exceeds maxDataBytes (${maxBytes})`);
    },
    /**
     * Turns a step's draft result into stored data: values become fresh JSON (JsonValueError
     * names a value JSON cannot hold), and the new data must fit (LimitError otherwise).
     */
    commit(base: JsonObject, [next, patches, inverse]: [JsonObject, Patch[], Patch[]], what: string): [JsonObject, Patch[], Patch[], number] {
      if (patches.length === 0) return [base, patches, inverse, size(base)];
      // The list is copied only if a value changes (the usual step writes JSON already).
      let fixed = patches;
      for (let i = 0; i < patches.length; i++) {
        const p = patches[i];
        if (p.op === 'remove') continue;
        const scalar = jsonScalar(p.value);
        const value = (scalar === NOT_SCALAR ? toJsonValue(p.value, ['data', ...p.path]) : scalar) ?? null;
        if (value === p.value) continue;
        // Every container on a patch path is the draft's own copy, so it can take the JSON value in place.
        setIn(next, p.path, value);
        if (fixed === patches) fixed = patches.slice();
        fixed[i] = { ...p, value };
      }
      return [next, fixed, inverse, check(next, what)];
    },
  };
}

function setIn(root: JsonObject, path: Patch['path'], value: Json): void {
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}
