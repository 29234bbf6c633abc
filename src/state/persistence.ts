// Moving the old single-slot localStorage save into the saved-workspace store, once. A copy
// that can't be read is kept whole (in the store, and in localStorage where it fits) so it can
// be downloaded; nothing is deleted until its copy is stored.
import { parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';
import { CORRUPT, newId, saveRecord, type Backend } from './savedStore.ts';

export const SAVE_KEY = 'steplab.workspace.v1';
export const CORRUPT_KEY = 'steplab.workspace.corrupt';

export interface CorruptCopy {
  text: string;
  reason: string;
  savedAt: number;
}

export type Migrated = { id: string | null; corrupt: CorruptCopy | null; blocked: boolean };

/** Imports `steplab.workspace.v1` if present; `durable` says whether the backend outlives the tab. */
export async function migrateLocalSave(storage: Storage | null, backend: Backend, durable: boolean): Promise<Migrated> {
  let text: string | null;
  try {
    text = storage?.getItem(SAVE_KEY) ?? null;
  } catch {
    return { id: null, corrupt: null, blocked: true };
  }
  if (text === null) return { id: null, corrupt: null, blocked: false };
  let workspace: Workspace;
  try {
    workspace = parseWorkspace(JSON.parse(text));
  } catch (error) {
    const corrupt = await keepCorrupt(backend, text, (error as Error).message);
    try {
      storage?.setItem(CORRUPT_KEY, text);
    } catch {
      // Too big for localStorage: the store's copy is the one that is downloaded.
    }
    if (durable) storage?.removeItem(SAVE_KEY);
    return { id: null, corrupt, blocked: false };
  }
  const id = newId();
  await saveRecord(backend, id, workspace, 0);
  if (durable) storage?.removeItem(SAVE_KEY);
  return { id, corrupt: null, blocked: false };
}

export async function keepCorrupt(backend: Backend, text: string, reason: string): Promise<CorruptCopy> {
  const corrupt = { text, reason, savedAt: Date.now() };
  try {
    await backend.set(CORRUPT, corrupt);
  } catch {
    // The copy stays in memory for this session's Download button.
  }
  return corrupt;
}

/** Calls `save` at most once per `ms`, always with the latest value, and flushes on demand. */
export function createDebouncedSaver<T>(save: (value: T) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: T | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (latest !== null) save(latest);
    latest = null;
  };
  return {
    schedule(value: T) {
      latest = value;
      if (!timer) timer = setTimeout(flush, ms);
    },
    flush,
    pending: () => latest !== null,
  };
}
