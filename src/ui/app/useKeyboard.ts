// Global shortcuts: Ctrl/Cmd+Enter runs, F10 steps, Alt+←/→ moves the cursor, Home/End go to the
// starting state and the last step run, "?" toggles help.
import { useEffect } from 'react';
import { stepCommand } from './stepCommand.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import { sessionState } from '../../state/currentSession.ts';
import { moveCursor, runToEnd, setCursor, stepForward } from '../../state/runCommands.ts';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('.monaco-editor'));

// Plain Home/End belong to lists, menus and fields; they move the replay only from the page,
// the timeline or the graph (Alt+Home/End work anywhere).
const onReplaySurface = (target: EventTarget | null) =>
  !(target instanceof HTMLElement) || target === document.body || !!target.closest('.timeline, .react-flow');

export function useKeyboard(toggleKeys: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const canRun = Object.keys(useWorkspace.getState().jsonErrors).length === 0;
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        if (canRun) void runToEnd();
      } else if (e.key === 'F10') {
        e.preventDefault();
        if (canRun) stepCommand();
      } else if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        e.preventDefault();
        if (e.key === 'ArrowLeft') moveCursor(-1);
        else stepForward();
      } else if ((e.key === 'Home' || e.key === 'End') && !e.ctrlKey && !e.metaKey && (e.altKey || (onReplaySurface(e.target) && !typing(e.target)))) {
        e.preventDefault();
        setCursor(e.key === 'Home' ? -1 : sessionState().runs.length - 1);
      } else if (e.key === '?' && !typing(e.target)) {
        e.preventDefault();
        toggleKeys();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [toggleKeys]);
}
