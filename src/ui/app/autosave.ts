// Restores the saved workspace on start and saves every change, throttled to 300 ms, plus
// once more when the page is hidden or closed.
import { defaultExample } from '../../state/examples.ts';
import { createDebouncedSaver, restoreWorkspace, saveWorkspace } from '../../state/persistence.ts';
import { loadWorkspace, useWorkspace } from '../../state/workspaceStore.ts';
import type { Workspace } from '../../engine/types.ts';
import { isShareHash } from '../../share/shareLink.ts';
import { decodeOffThread } from '../../share/decodeOffThread.ts';
import { setNotice } from '../../state/workspaceStore.ts';
import { resetRun } from '../../state/runStore.ts';
import { clearBranches } from '../../state/branches.ts';

/**
 * Opens a `#v1/…` link: the workspace loads and nothing runs. A bad link leaves the current
 * workspace untouched and says what is wrong. The hash is then cleared, so a reload shows the
 * person's own (autosaved) edits rather than the link again.
 */
/** Embed mode: the workspace comes from the link alone (or the default example), nothing is saved. */
export function startEmbed(): void {
  loadWorkspace(defaultExample(), null);
  void openSharedLink();
}

async function openSharedLink(): Promise<void> {
  const { hash } = window.location;
  if (!isShareHash(hash)) return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  try {
    const decoded = await decodeOffThread({ kind: 'link', hash });
    if (decoded.kind !== 'workspace') return;
    const { workspace } = decoded;
    resetRun();
    clearBranches();
    loadWorkspace(workspace, `Opened “${workspace.name}” from a shared link. Nothing has run: press Run when you have read the steps.`);
  } catch (error) {
    setNotice(`This link could not be opened: ${(error as Error).message}. Your workspace is unchanged.`);
  }
}

export function startAutosave(storage: Storage = window.localStorage): void {
  const restored = restoreWorkspace(storage);
  loadWorkspace(restored.workspace ?? defaultExample(), restored.notice);
  void openSharedLink();
  window.addEventListener('hashchange', () => void openSharedLink());
  const saver = createDebouncedSaver((ws: Workspace) => saveWorkspace(storage, ws), 300);
  useWorkspace.subscribe((state, previous) => {
    if (state.workspace !== previous.workspace) saver.schedule(state.workspace);
  });
  window.addEventListener('pagehide', saver.flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saver.flush();
  });
}
