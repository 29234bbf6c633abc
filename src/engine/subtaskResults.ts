// Subtask results: when a child ends, `{ status, result }` (or `{ status: "error", error }`) is
// written into its parent at `into`, and the parent wakes if it was parked or waiting.
import { createJsonDraft } from './jsonDraft.ts';
import { LimitError } from './limits.ts';
import { setAt } from './paths.ts';
import { sourceError, type RunCore } from './runCore.ts';
import type { TaskState } from './runState.ts';
import type { Json, Patch } from './types.ts';

export function createSubtaskResults(core: RunCore) {
  /** Queues a finished child's result for its parent; applied now unless the parent is mid-step. */
  function childEnded(child: TaskState): void {
    const parent = child.parent;
    // Children outlive their parent; an ended parent takes no more results.
    if (!parent || parent.phase === 'ended') return;
    const value: Json = child.status === 'error' ? { status: 'error', error: child.error?.message ?? 'error' } : { status: child.status, result: child.result };
    parent.deferredResults.push({ child, value });
    if (!parent.run) applyDeferredResults(parent);
  }

  /** Writes subtask results into the parent, then wakes the parent if it was waiting. */
  function applyDeferredResults(parent: TaskState): void {
    if (parent.deferredResults.length === 0) return;
    const pending = parent.deferredResults.splice(0);
    let tooLarge: string | null = null;
    for (const { child, value } of pending) {
      let patches: Patch[] = [];
      let inverse: Patch[] = [];
      if (child.into && !tooLarge) {
        const draft = createJsonDraft(parent.data);
        try {
          setAt(draft.draft, child.into, value);
          const [next, p, inv, bytes] = core.guard.commit(parent.data, draft.finalize(), `with the result of subtask ${child.id} at "${child.into.join('.')}"`);
          parent.data = next;
          parent.dataBytes = bytes;
          patches = p;
          inverse = inv;
          core.markDirty(parent, patches);
        } catch (error) {
          if (error instanceof LimitError) tooLarge = error.message;
          else
            core.emit({
              kind: 'log',
              task: parent.id,
              step: null,
              level: 'error',
              text: `subtask result not written to "${child.into.join('.')}": ${(error as Error).message}`,
            });
        }
      }
      parent.waitingFor.delete(child);
      core.emit({ kind: 'subtask-ended', task: parent.id, child: child.id, status: child.status, into: child.into?.join('.') ?? null, patches, inverse });
    }
    if (tooLarge) {
      // §7: a result that would push the parent over maxDataBytes ends the parent in error.
      core.endTask(parent, { status: 'error', error: sourceError(tooLarge) });
      core.noteLimit(parent, tooLarge);
      return;
    }
    if (parent.run) return;
    if (parent.phase === 'parked' && pending.some((p) => p.child.into)) core.resume(parent, 'data');
    else if (parent.phase === 'waiting-children' && parent.waitingFor.size === 0) core.resume(parent, 'children');
    else if (parent.phase === 'idle') core.queueEvaluation(parent);
  }

  return { childEnded, applyDeferredResults };
}
