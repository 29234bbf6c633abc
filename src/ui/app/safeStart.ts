// Crash-proof start. A marker goes into localStorage when the app starts and comes out once the
// graph has been laid out. If the marker is still there at the next load, that load never got
// that far (a tab that crashed on a huge workspace, say), so the app opens in safe mode: the
// saved workspace is neither laid out nor run until the person says so.
import { SAVE_KEY } from '../../state/persistence.ts';
import { idbBackend, listRecent, loadRecord } from '../../state/savedStore.ts';
import { TAB_KEY } from '../../state/workspaceSaves.ts';
import { session } from '../../state/currentSession.ts';

export const STARTING_KEY = 'steplab.starting';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** True when the previous load set the marker and never cleared it. */
export function previousStartFailed(): boolean {
  try {
    const s = storage();
    return s !== null && s.getItem(STARTING_KEY) !== null;
  } catch {
    return false;
  }
}

let finished = false;

/** Sets the marker; it is cleared by startupFinished() or when the steps cannot be checked at all. */
export function startupBegan(): void {
  finished = false;
  try {
    storage()?.setItem(STARTING_KEY, new Date().toISOString());
  } catch {
    // No storage, no marker: the app starts as before.
  }
  // Steps that cannot be checked never get a final layout; that is not a failed start.
  const stop = session().store.subscribe((s) => s.checkError !== null && (startupFinished(), stop()));
}

/** The app has rendered and laid out the graph: this start succeeded. */
export function startupFinished(): void {
  if (finished) return;
  finished = true;
  try {
    storage()?.removeItem(STARTING_KEY);
  } catch {
    // Nothing to clear.
  }
}

export interface SavedCopy {
  text: string;
  name: string;
  steps: number | null;
}

function describe(text: string): SavedCopy {
  try {
    const value = JSON.parse(text) as { name?: unknown; steps?: unknown };
    return { text, name: typeof value.name === 'string' ? value.name : 'Untitled workspace', steps: Array.isArray(value.steps) ? value.steps.length : null };
  } catch {
    return { text, name: 'Unreadable workspace', steps: null };
  }
}

/**
 * The workspace the app would open, as text, read but neither laid out nor run: this tab's
 * workspace, else an old localStorage save not yet moved into IndexedDB, else the newest saved.
 */
export async function savedWorkspace(): Promise<SavedCopy | null> {
  let tabId: string | null = null;
  let legacy: string | null = null;
  try {
    tabId = window.sessionStorage.getItem(TAB_KEY);
    legacy = storage()?.getItem(SAVE_KEY) ?? null;
  } catch {
    // Blocked storage: look in IndexedDB only.
  }
  try {
    const backend = idbBackend();
    const mine = tabId ? await loadRecord(backend, tabId) : undefined;
    if (mine) return describe(JSON.stringify(mine.workspace, null, 2));
    if (legacy !== null) return describe(legacy);
    const newest = (await listRecent(backend))[0];
    const record = newest ? await loadRecord(backend, newest.id) : undefined;
    return record ? describe(JSON.stringify(record.workspace, null, 2)) : null;
  } catch {
    return legacy === null ? null : describe(legacy);
  }
}
