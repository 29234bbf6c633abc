// A synchronous copy of unsaved edits, written to localStorage when the page is hidden or
// closed. The IndexedDB save started at that moment is asynchronous, and an unload (or a busy
// main thread just before it) can cut it short; a localStorage write cannot be cut.
import type { Workspace } from '../engine/types.ts';

const PREFIX = 'steplab.unsaved.';

export interface UnloadBackup {
  id: string;
  /** The saved revision the edits were made on. */
  baseRev: number;
  workspace: unknown;
}

/** Writes the backup; false when storage refuses it (full, or blocked), and the async save is all there is. */
export function writeBackup(storage: Storage | null, backup: Omit<UnloadBackup, 'workspace'> & { workspace: Workspace }): boolean {
  try {
    storage?.setItem(PREFIX + backup.id, JSON.stringify(backup));
    return Boolean(storage);
  } catch {
    return false;
  }
}

/** The backup for `id`, or null when there is none or it is not one (it is then ignored, never opened). */
export function readBackup(storage: Storage | null, id: string): UnloadBackup | null {
  try {
    const text = storage?.getItem(PREFIX + id);
    if (!text) return null;
    const backup = JSON.parse(text) as UnloadBackup;
    return backup && backup.id === id && typeof backup.baseRev === 'number' ? backup : null;
  } catch {
    return null;
  }
}

export function clearBackup(storage: Storage | null, id: string): void {
  try {
    storage?.removeItem(PREFIX + id);
  } catch {
    // Blocked storage held no backup either.
  }
}
