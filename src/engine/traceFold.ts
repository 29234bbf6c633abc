// Rebuilds task data from a trace alone, without running anything: folds the JSON patches
// of step-finished, subtask-ended and data-edited events, with snapshots for random access.
import { applyJsonPatches } from './jsonDraft.ts';
import type { JsonObject, Patch, TraceEvent } from './types.ts';

/** The patches an event applies to its task's data, if any. */
export function patchesOf(event: TraceEvent): Patch[] | null {
  if (event.kind === 'step-finished' || event.kind === 'subtask-ended' || event.kind === 'data-edited') return event.patches;
  return null;
}

export function applyPatches(data: JsonObject, patches: Patch[]): JsonObject {
  return applyJsonPatches(data, patches);
}

export interface DataIndex {
  /** The task's data just after the event with sequence number `seq` (or its starting data). */
  dataAt(taskId: string, seq: number): JsonObject | undefined;
}

/** Patch sets applied by dataAt since the count was last reset: the work a seek costs (for tests). */
export const foldWork = { patchSets: 0 };

interface TaskChanges {
  changes: TraceEvent[];
  snapshots: { at: number; data: JsonObject }[];
}

/** A data index that can take more events as a trace grows (see dataIndexOf). */
interface GrowingIndex extends DataIndex {
  /** Indexes events[from..]; the events before `from` must be the ones already indexed. */
  extend(events: readonly TraceEvent[], from: number): void;
}

function createGrowingIndex(every: number): GrowingIndex {
  const perTask = new Map<string, TaskChanges>();
  return {
    extend(events, from) {
      for (let k = from; k < events.length; k++) {
        const event = events[k];
        if (event.kind === 'task-created') {
          perTask.set(event.task, { changes: [], snapshots: [{ at: -1, data: event.data }] });
          continue;
        }
        const patches = patchesOf(event);
        const entry = perTask.get(event.task);
        if (!patches || !entry) continue;
        entry.changes.push(event);
        if (entry.changes.length % every === 0) {
          const last = entry.snapshots[entry.snapshots.length - 1];
          let data = last.data;
          for (let i = last.at + 1; i < entry.changes.length; i++) data = applyPatches(data, patchesOf(entry.changes[i])!);
          entry.snapshots.push({ at: entry.changes.length - 1, data });
        }
      }
    },
    dataAt(taskId, seq) {
      const entry = perTask.get(taskId);
      if (!entry) return undefined;
      // Changes are in seq order: find how many apply at `seq`, then start from the nearest snapshot.
      const lastApplied = countAtOrBefore(entry.changes, seq) - 1;
      const { snapshots } = entry;
      let lo = 0;
      let hi = snapshots.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (snapshots[mid].at <= lastApplied) lo = mid;
        else hi = mid - 1;
      }
      const snap = snapshots[lo];
      let data = snap.data;
      for (let i = snap.at + 1; i <= lastApplied; i++) {
        foldWork.patchSets++;
        data = applyPatches(data, patchesOf(entry.changes[i])!);
      }
      return data;
    },
  };
}

/** How many of `events` (in seq order) have a seq at or before `seq`. */
function countAtOrBefore(events: readonly TraceEvent[], seq: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indexes a trace, keeping a snapshot every `every` changes per task so any point is cheap to rebuild. */
export function createDataIndex(events: readonly TraceEvent[], every = 64): DataIndex {
  const index = createGrowingIndex(every);
  index.extend(events, 0);
  return { dataAt: index.dataAt };
}

const indexes = new WeakMap<readonly TraceEvent[], GrowingIndex>();
/** The newest index and the trace it covers: a longer copy of that trace extends it. */
let latest: { events: readonly TraceEvent[]; index: GrowingIndex } | null = null;

/**
 * The data index of a trace, built once per events array and shared by every reader of it. A
 * trace that grows (a new array holding the old one's events, then more) extends the index it
 * had, so a streaming run costs each event once, not once per update.
 */
export function dataIndexOf(events: readonly TraceEvent[]): DataIndex {
  let index = indexes.get(events);
  if (!index) {
    const prev = latest;
    const n = prev?.events.length ?? 0;
    if (prev && n > 0 && events.length >= n && events[0] === prev.events[0] && events[n - 1] === prev.events[n - 1]) {
      index = prev.index;
      index.extend(events, n);
    } else {
      index = createGrowingIndex(64);
      index.extend(events, 0);
    }
    indexes.set(events, index);
    latest = { events, index };
  }
  return index;
}
