// Restores the saved workspace on start and saves every change, throttled to 300 ms, plus
// once more when the page is hidden or closed.
import { defaultExample } from '../../state/examples.ts';
import { createDebouncedSaver, restoreWorkspace, saveWorkspace } from '../../state/persistence.ts';
import { loadWorkspace, useWorkspace } from '../../state/workspaceStore.ts';
import type { Workspace } from '../../engine/types.ts';

export function startAutosave(storage: Storage = window.localStorage): void {
  const restored = restoreWorkspace(storage);
  loadWorkspace(restored.workspace ?? defaultExample(), restored.notice);
  const saver = createDebouncedSaver((ws: Workspace) => saveWorkspace(storage, ws), 300);
  useWorkspace.subscribe((state, previous) => {
    if (state.workspace !== previous.workspace) saver.schedule(state.workspace);
  });
  window.addEventListener('pagehide', saver.flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saver.flush();
  });
}
