// Start-up and saving: picks the store (IndexedDB, or memory with a notice), moves an old
// localStorage save in, opens this tab's workspace, and saves every edit (300 ms throttle, and
// on hide/close, with a synchronous localStorage backup then). Runs and branches are saved beside it.
import { defaultExample } from './examples.ts';
import { createDebouncedSaver, migrateLocalSave } from './persistence.ts';
import { loadWorkspace, setNotice, useWorkspace } from './workspaceStore.ts';
import type { Workspace } from '../engine/types.ts';
import { isShareHash } from '../share/shareLink.ts';
import { decodeOffThread } from '../share/decodeOffThread.ts';
import { idbBackend, listRecent, memoryBackend, probe, type Backend } from './savedStore.ts';
import { attachTab, backupUnsaved, currentId, isEdit, onFlush, openNew, openSaved, refreshRecent, replaceWith, save, TAB_KEY } from './workspaceSaves.ts';
import { showSaveNotice } from './saveStatus.ts';
import { saveSession } from './sessionSaves.ts';
import { useBranches } from './branches.ts';
import { session } from './currentSession.ts';

/** Embed mode: the workspace comes from the link alone (or the default example), nothing is saved. */
export function startEmbed(): void {
  loadWorkspace(defaultExample(), null);
  void openSharedLink(false);
}

/**
 * Opens a `#v1/…` link: the workspace loads and nothing runs; the one it replaces stays in
 * Recent. A bad link changes nothing and says what is wrong. The hash is then cleared, so a
 * reload shows the person's own (autosaved) work rather than the link again.
 */
async function openSharedLink(saved = true): Promise<void> {
  const { hash } = window.location;
  if (!isShareHash(hash)) return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  try {
    const decoded = await decodeOffThread({ kind: 'link', hash });
    if (decoded.kind !== 'workspace') return;
    const { workspace } = decoded;
    const notice = `Opened “${workspace.name}” from a shared link. Nothing has run: press Run when you have read the steps.`;
    if (saved) await replaceWith(workspace, notice, `Opened “${workspace.name}” from a link`);
    else loadWorkspace(workspace, notice);
  } catch (error) {
    setNotice(`This link could not be opened: ${(error as Error).message}. Your workspace is unchanged.`);
  }
}

const sessionStore = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
};

const localStore = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

async function pickBackend(): Promise<{ backend: Backend; durable: boolean }> {
  if (typeof indexedDB !== 'undefined') {
    const backend = idbBackend();
    if (await probe(backend)) return { backend, durable: true };
  }
  showSaveNotice({
    kind: 'unavailable',
    text: 'This browser window does not let Steplab save (private mode or blocked storage). Your work stays only while this tab is open: download it to keep it.',
  });
  return { backend: memoryBackend(), durable: false };
}

/** This tab's workspace: the one it edited before a reload, else the newest saved, else an example. */
async function openFirst(backend: Backend, migrated: string | null): Promise<void> {
  const tabId = sessionStore()?.getItem(TAB_KEY) ?? null;
  for (const id of [tabId, migrated, (await listRecent(backend))[0]?.id]) {
    if (id && (await openSaved(id))) return;
  }
  // A damaged copy stays under its own id; the example opens as a new one beside it.
  await openNew(defaultExample());
}

/** `fresh` (safe mode's "Start fresh"): open the default example; the saved one stays in Recent. */
export async function startAutosave({ fresh = false } = {}): Promise<void> {
  const { backend, durable } = await pickBackend();
  attachTab(backend, sessionStore(), localStore());
  const migrated = await migrateLocalSave(localStore(), backend, durable).catch(() => ({ id: null, corrupt: null, blocked: false }));
  if (migrated.corrupt) {
    showSaveNotice({
      kind: 'corrupt',
      text: `Your saved workspace could not be read (${migrated.corrupt.reason}). Steplab opened the default example; the damaged copy is kept and can be downloaded.`,
    });
  }
  // Listening before anything opens: an edit made while the first save is still being written counts.
  const saver = createDebouncedSaver(({ id, ws }: { id: string; ws: Workspace }) => void save(id, ws), 300);
  onFlush(saver.flush);
  useWorkspace.subscribe((state, previous) => {
    const id = currentId();
    if (id && state.workspace !== previous.workspace && isEdit(state.workspace)) saver.schedule({ id, ws: state.workspace });
  });
  if (fresh) await openNew(defaultExample());
  else await openFirst(backend, migrated.id);
  await refreshRecent();
  let sessionTimer: ReturnType<typeof setTimeout> | null = null;
  const sessionChanged = () => {
    if (sessionTimer) clearTimeout(sessionTimer);
    sessionTimer = setTimeout(() => {
      const id = currentId();
      if (id) void saveSession(backend, id).catch(() => undefined);
    }, 500);
  };
  useBranches.subscribe(sessionChanged);
  session().store.subscribe((s, p) => (s.phase !== p.phase || s.cursor !== p.cursor) && sessionChanged());
  void openSharedLink();
  window.addEventListener('hashchange', () => void openSharedLink());
  // The backup is written first, so the save started by the flush supersedes it when it lands.
  const leaving = () => {
    backupUnsaved();
    saver.flush();
  };
  window.addEventListener('pagehide', leaving);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leaving();
  });
}
