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

/** The latest condition error of each step over a whole trace, e.g. for the Errors list. */
export interface StepConditionError {
  step: number;
  message: string;
}

// Traces only grow during a run (each update a longer copy), so only the new tail is read.
let scanned: { events: readonly TraceEvent[]; latest: Map<number, string> } | null = null;

export function latestConditionErrors(events: readonly TraceEvent[]): StepConditionError[] {
  const n = scanned?.events.length ?? 0;
  const extends_ = scanned !== null && events.length >= n && (n === 0 || events[n - 1] === scanned.events[n - 1]);
  const latest = extends_ ? new Map(scanned!.latest) : new Map<number, string>();
  for (let i = extends_ ? n : 0; i < events.length; i++) {
    const e = events[i];
    if (e.kind === 'condition-error') latest.set(e.step, e.message);
  }
  scanned = { events, latest };
  return [...latest].map(([step, message]) => ({ step, message }));
}
