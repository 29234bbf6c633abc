// Whole task data the page can rebuild need not cross from the engine worker: the root task's
// starting data (the page sent it) and a result that is its task's final data (the page folds
// that task's patches as they arrive). A run over a 5,000-row document otherwise stringified,
// copied and parsed those 390 KB twice, which cost the worker more than the run's 1,000 steps.
// The page fills both back in before anything sees the events, so the trace is unchanged.
import { rootTask } from '../engine/createRun.ts';
import type { Run } from '../engine/runApi.ts';
import type { Json, JsonObject, Patch, TraceEvent, Workspace } from '../engine/types.ts';

/** The mark an event carries on the wire when its data or result was left out. */
type Marked = TraceEvent & { wire?: 'start-data' | 'final-data' };

/** Worker side: the event as it goes on the wire (the run's events themselves are not changed). */
export function elideForWire(run: () => Run | null): (event: TraceEvent) => TraceEvent {
  return (e) => {
    if (e.kind === 'task-created' && e.parent === null) return { ...e, data: {}, wire: 'start-data' } as Marked;
    if (e.kind === 'task-ended' && e.result !== null && typeof e.result === 'object' && e.result === run()?.dataOf(e.task)) {
      return { ...e, result: null, wire: 'final-data' } as Marked;
    }
    return e;
  };
}

/**
 * Page side, one per engine: fills in what the wire left out, as events arrive in seq order (from
 * progress or answers). Keeps each live task's data, folded from its patches, until it ends.
 */
export function createWireFill(workspace: Workspace, taskName: string | undefined, data: JsonObject | undefined): (events: TraceEvent[]) => void {
  const live = new Map<string, JsonObject>();
  return (events) => {
    for (const e of events as Marked[]) {
      const mark = e.wire;
      if (mark !== undefined) delete e.wire;
      switch (e.kind) {
        case 'task-created':
          if (mark === 'start-data') e.data = rootTask(workspace, taskName, data).data;
          live.set(e.task, structuredClone(e.data));
          break;
        case 'step-finished':
        case 'subtask-ended':
        case 'data-edited': {
          const now = live.get(e.task);
          if (now) applyInPlace(now, e.patches);
          break;
        }
        case 'task-ended':
          if (mark === 'final-data') e.result = live.get(e.task) ?? null;
          live.delete(e.task);
          break;
      }
    }
  };
}

/** Applies patches to data nothing else holds; values are copied, as the events keep theirs. */
function applyInPlace(data: JsonObject, patches: readonly Patch[]): void {
  for (const patch of patches) {
    let node = data as Record<string | number, Json>;
    for (let i = 0; i < patch.path.length - 1; i++) node = node[patch.path[i]] as Record<string | number, Json>;
    const last = patch.path[patch.path.length - 1];
    if (patch.op === 'remove') delete node[last];
    else node[last] = (patch.value !== null && typeof patch.value === 'object' ? structuredClone(patch.value) : patch.value) as Json;
  }
}
