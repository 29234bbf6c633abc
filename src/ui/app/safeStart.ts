// Crash-proof start. A marker goes into localStorage when the app starts and comes out once the
// graph has been laid out. If the marker is still there at the next load, that load never got
// that far (a tab that crashed on a huge workspace, say), so the app opens in safe mode: the
// saved workspace is neither laid out nor run until the person says so.
import { SAVE_KEY } from '../../state/persistence.ts';
import { useChecks } from '../../state/checksStore.ts';

export const STARTING_KEY = 'steplab.starting';
/** Where "Start fresh" puts the saved workspace it replaces, so it can still be recovered. */
export const SET_ASIDE_KEY = 'steplab.workspace.set-aside';

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
  const stop = useChecks.subscribe((s) => s.error !== null && (startupFinished(), stop()));
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

/** The saved workspace as text, unparsed and unlaid-out, with what a person needs to recognise it. */
export function savedWorkspace(): { text: string; name: string; steps: number | null } | null {
  let text: string | null = null;
  try {
    text = storage()?.getItem(SAVE_KEY) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { name?: unknown; steps?: unknown };
    return { text, name: typeof value.name === 'string' ? value.name : 'Untitled workspace', steps: Array.isArray(value.steps) ? value.steps.length : null };
  } catch {
    return { text, name: 'Unreadable workspace', steps: null };
  }
}

/** Moves the saved workspace aside (best effort), so the next start opens the default example. */
export function setSavedAside(): void {
  const s = storage();
  const text = savedWorkspace()?.text;
  if (!s || text === undefined) return;
  try {
    s.setItem(SET_ASIDE_KEY, text);
  } catch {
    // Too big to copy: the person was offered the download first.
  }
  s.removeItem(SAVE_KEY);
}
