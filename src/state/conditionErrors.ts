// Condition errors (a dynamic condition that threw) from the trace, by step, so every view can
// show one beside its step: the latest one at or before the cursor.
import type { TraceEvent } from '../engine/types.ts';

type ByStep = Map<number, { seq: number; message: string }[]>;
const cache = new WeakMap<readonly TraceEvent[], ByStep>();

function byStep(events: readonly TraceEvent[]): ByStep {
  let map = cache.get(events);
  if (!map) {
    map = new Map();
    for (const e of events) if (e.kind === 'condition-error') (map.get(e.step) ?? map.set(e.step, []).get(e.step)!).push({ seq: e.seq, message: e.message });
    cache.set(events, map);
  }
  return map;
}

/** The message of the step's latest condition error at or before `seq`, if any. */
export function conditionErrorAt(events: readonly TraceEvent[], step: number, seq: number): string | null {
  const list = byStep(events).get(step);
  if (!list) return null;
  let found: string | null = null;
  for (const entry of list) if (entry.seq <= seq) found = entry.message;
  return found;
}
