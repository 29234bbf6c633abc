// The page's session, created once in main.tsx, and the hook components read it with, in the
// style of xyflow's useStore(selector): pass a selector defined at module level (or a stable
// one), and the component re-renders only when what it selects changes.
import { useStore } from 'zustand';
import type { Session } from './session.ts';
import type { SessionState } from './sessionState.ts';

let current: Session | null = null;

/** Makes `next` the page's session (the previous one, if any, is destroyed). */
export function installSession(next: Session): void {
  if (current && current !== next) current.destroy();
  current = next;
}

export function session(): Session {
  if (!current) throw new Error('no session: main.tsx installs one before the app renders');
  return current;
}

/** The session's state now, outside React. */
export const sessionState = (): SessionState => session().store.getState();

export function useSession<T>(selector: (state: SessionState) => T): T {
  return useStore(session().store, selector);
}
