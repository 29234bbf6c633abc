// Autosave: the workspace lives in localStorage. A corrupt copy is never thrown away: it is
// moved aside so the person can still export it, and the app starts from the default example.
import { parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';

export const SAVE_KEY = 'steplab.workspace.v1';
export const CORRUPT_KEY = 'steplab.workspace.corrupt';

export type Restored = { workspace: Workspace; notice: null } | { workspace: null; notice: string | null };

export function restoreWorkspace(storage: Storage): Restored {
  let text: string | null;
  try {
    text = storage.getItem(SAVE_KEY);
  } catch {
    return { workspace: null, notice: 'Saved work could not be read (storage is blocked); changes will not be kept.' };
  }
  if (text === null) return { workspace: null, notice: null };
  try {
    return { workspace: parseWorkspace(JSON.parse(text)), notice: null };
  } catch (error) {
    try {
      storage.setItem(CORRUPT_KEY, text);
    } catch {
      // Keeping the corrupt copy is best effort; the notice still tells the person.
    }
    return {
      workspace: null,
      notice: `Your saved workspace could not be read (${(error as Error).message}). Steplab opened the default example; the damaged copy is kept and can be downloaded from this notice.`,
    };
  }
}

export function saveWorkspace(storage: Storage, workspace: Workspace): boolean {
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(workspace));
    return true;
  } catch {
    return false;
  }
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
  };
}
