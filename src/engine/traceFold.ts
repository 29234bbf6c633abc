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

/** Indexes a trace, keeping a snapshot every `every` changes per task so any point is cheap to rebuild. */
export function createDataIndex(events: readonly TraceEvent[], every = 64): DataIndex {
  const perTask = new Map<string, { changes: TraceEvent[]; snapshots: { at: number; data: JsonObject }[] }>();
  for (const event of events) {
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
  return {
    dataAt(taskId, seq) {
      const entry = perTask.get(taskId);
      if (!entry) return undefined;
      // Changes are in seq order: find how many apply at `seq`, then start from the nearest snapshot.
      let lo = 0;
      let hi = entry.changes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (entry.changes[mid].seq <= seq) lo = mid + 1;
        else hi = mid;
      }
      const lastApplied = lo - 1;
      let snap = entry.snapshots[0];
      for (const s of entry.snapshots) if (s.at <= lastApplied) snap = s;
      let data = snap.data;
      for (let i = snap.at + 1; i <= lastApplied; i++) data = applyPatches(data, patchesOf(entry.changes[i])!);
      return data;
    },
  };
}

const indexes = new WeakMap<readonly TraceEvent[], DataIndex>();

/** The data index of a trace, built once per events array and shared by every reader of it. */
export function dataIndexOf(events: readonly TraceEvent[]): DataIndex {
  let index = indexes.get(events);
  if (!index) indexes.set(events, (index = createDataIndex(events)));
  return index;
}
