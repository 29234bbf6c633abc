// Which saved workspace this tab edits, saving it, and opening others without losing it.
// Every replacement (example, link, file, trace, ZIP, New, Recent) saves the current one first,
// so it stays in File ▸ Recent, and offers Undo.
import type { Workspace } from '../engine/types.ts';
import { parseWorkspace } from '../engine/workspace.ts';
import { loadWorkspace, renameWorkspace, useWorkspace } from './workspaceStore.ts';
import { clearBranches } from './branches.ts';
import { endLesson } from './lessonPlayer.ts';
import { forget, listRecent, loadRecord, newId, SaveConflict, saveRecord, type Backend } from './savedStore.ts';
import { clearSaveNotice, showSaveNotice, useSaveStatus } from './saveStatus.ts';
import { keepCorrupt } from './persistence.ts';
import { restoreSession } from './sessionSaves.ts';
import { resetRun } from './runCommands.ts';
import { clearBackup, readBackup, writeBackup } from './unloadBackup.ts';

export const TAB_KEY = 'steplab.tab.workspace';

interface Tab {
  backend: Backend;
  tabStorage: Storage | null;
  /** Where the unload backup is written (localStorage). */
  local: Storage | null;
  channel: BroadcastChannel | null;
  token: string;
}

let tab: Tab | null = null;
const revs = new Map<string, number>();
/** Ids whose newer save (from another tab) this tab has not taken or copied yet. */
const conflicted = new Set<string>();
let chain: Promise<unknown> = Promise.resolve();
/** The workspace object last loaded or saved, so loading it is not mistaken for an edit. */
let known: Workspace | null = null;
/** Orders backups and saves: a save started after a backup holds everything the backup holds. */
let stamp = 0;
const backupStamps = new Map<string, number>();

export const currentId = () => useSaveStatus.getState().currentId;
export const backend = () => tab?.backend ?? null;
const queue = <T>(work: () => Promise<T>): Promise<T> => {
  const next = chain.then(work, work);
  chain = next.catch(() => undefined);
  return next;
};

export function attachTab(backend: Backend, tabStorage: Storage | null, local: Storage | null = null): void {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('steplab.saves') : null;
  tab = { backend, tabStorage, local, channel, token: newId() };
  channel?.addEventListener('message', (e: MessageEvent<{ id: string; rev: number; token: string }>) => {
    const { id, rev, token } = e.data ?? {};
    if (token === tab?.token) return;
    void refreshRecent();
    if (id === currentId() && rev > (revs.get(id) ?? 0)) warnConflict(id);
  });
}

function warnConflict(id: string): void {
  conflicted.add(id);
  const name = useWorkspace.getState().workspace.name;
  showSaveNotice({
    kind: 'conflict',
    text: `“${name}” was saved in another tab after this tab opened it. This tab will not overwrite it: load that version, or keep yours as a copy.`,
  });
}

export async function refreshRecent(): Promise<void> {
  if (tab) useSaveStatus.setState({ recent: await listRecent(tab.backend) });
}

/** Whether a change of the store's workspace is the person's edit (to be saved). */
export const isEdit = (ws: Workspace) => ws !== known;

/** Saves `ws` as the workspace `id` unless another tab saved it since; queued, one at a time. */
export function save(id: string, ws: Workspace): Promise<void> {
  const started = ++stamp;
  return queue(async () => {
    if (!tab || conflicted.has(id)) return;
    try {
      const record = await saveRecord(tab.backend, id, ws, revs.get(id) ?? 0);
      revs.set(id, record.rev);
      if ((backupStamps.get(id) ?? Infinity) < started) {
        clearBackup(tab.local, id);
        backupStamps.delete(id);
      }
      if (id === currentId()) known = ws;
      tab.channel?.postMessage({ id, rev: record.rev, token: tab.token });
      clearSaveNotice('failed');
      await refreshRecent();
    } catch (error) {
      if (error instanceof SaveConflict) return warnConflict(id);
      const full = (error as Error)?.name === 'QuotaExceededError' || /quota/i.test(String((error as Error)?.message));
      const why = full ? 'the browser’s storage for this site is full' : `storage error: ${(error as Error)?.message ?? error}`;
      showSaveNotice({ kind: 'failed', text: `Your latest changes could not be saved (${why}). Download the workspace to keep them.` });
    }
  });
}

/**
 * On pagehide: copies an edit not yet saved to localStorage, synchronously, so an unload that
 * cuts the IndexedDB save short loses nothing. `openSaved` takes it back.
 */
export function backupUnsaved(): void {
  const id = currentId();
  const { workspace } = useWorkspace.getState();
  if (!tab || !id || !isEdit(workspace)) return;
  if (writeBackup(tab.local, { id, baseRev: revs.get(id) ?? 0, workspace })) backupStamps.set(id, ++stamp);
}

/** Makes `id` this tab's workspace and shows `ws`, with the run and branches cleared. */
function show(id: string, ws: Workspace, notice: string | null): void {
  resetRun();
  clearBranches();
  endLesson();
  useSaveStatus.setState({ currentId: id });
  try {
    tab?.tabStorage?.setItem(TAB_KEY, id);
  } catch {
    // Without sessionStorage a reload opens the most recent workspace instead.
  }
  known = ws;
  loadWorkspace(ws, notice);
}

/** Opens a saved workspace; a copy that can't be read is kept and reported, and null returned. */
export async function openSaved(id: string, notice: string | null = null): Promise<boolean> {
  if (!tab) return false;
  const record = await loadRecord(tab.backend, id);
  if (!record) return false;
  let ws: Workspace;
  try {
    ws = parseWorkspace(record.workspace);
  } catch (error) {
    await keepCorrupt(tab.backend, safeJson(record.workspace), (error as Error).message);
    showSaveNotice({
      kind: 'corrupt',
      text: `The saved workspace could not be read (${(error as Error).message}). It is kept unchanged and can be downloaded.`,
    });
    return false;
  }
  revs.set(id, record.rev);
  conflicted.delete(id);
  const backup = readBackup(tab.local, id);
  const unsaved = backup ? parseOrNull(backup.workspace) : null;
  if (backup && unsaved && backup.baseRev >= record.rev) {
    show(id, unsaved, notice);
    await save(id, unsaved);
    if ((revs.get(id) ?? 0) > record.rev) clearBackup(tab.local, id);
  } else {
    show(id, ws, notice);
    if (unsaved) await keepUnsavedAsCopy(id, unsaved);
  }
  await restoreSession(tab.backend, id);
  return true;
}

function parseOrNull(value: unknown): Workspace | null {
  try {
    return parseWorkspace(value);
  } catch {
    return null;
  }
}

/** Edits backed up at unload on a revision another tab has since replaced: kept beside it, in Recent. */
async function keepUnsavedAsCopy(id: string, unsaved: Workspace): Promise<void> {
  if (!tab) return;
  const name = `${unsaved.name} (unsaved changes)`;
  try {
    await saveRecord(tab.backend, newId(), { ...unsaved, name }, 0);
  } catch {
    return; // The backup stays in localStorage, to be tried again next time.
  }
  clearBackup(tab.local, id);
  await refreshRecent();
  showSaveNotice({
    kind: 'recovered',
    text: `Changes made just before this page last closed were not saved, and another tab has saved this workspace since. They are kept as “${name}” in File ▸ Recent.`,
  });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Opens `ws` as a new saved workspace (the first one, or on start when nothing is saved). */
export async function openNew(ws: Workspace, notice: string | null = null): Promise<string> {
  const id = newId();
  show(id, ws, notice);
  await save(id, ws);
  return id;
}

/** Replaces what this tab shows, keeping the current workspace in Recent and offering Undo. */
export async function replaceWith(ws: Workspace, notice: string | null, what: string): Promise<void> {
  const previous = await saveCurrentNow();
  const opened = await openNew(ws, notice);
  if (previous) useSaveStatus.setState({ undo: { text: what, previous, opened } });
}

export async function openRecent(id: string): Promise<void> {
  if (id === currentId()) return;
  const previous = await saveCurrentNow();
  if ((await openSaved(id)) && previous)
    useSaveStatus.setState({ undo: { text: `Opened “${useWorkspace.getState().workspace.name}” from Recent`, previous, opened: id } });
}

export async function undoReplace(): Promise<void> {
  const offer = useSaveStatus.getState().undo;
  if (!offer || !tab) return;
  useSaveStatus.setState({ undo: null });
  const untouched = (revs.get(offer.opened) ?? 0) <= 1;
  await saveCurrentNow();
  if (!(await openSaved(offer.previous))) return;
  // Something opened and then undone without an edit need not clutter Recent.
  if (untouched) {
    await forget(tab.backend, offer.opened);
    clearBackup(tab.local, offer.opened);
  }
  await refreshRecent();
}

let flushPending: (() => void) | null = null;
/** The autosaver registers its flush here, so replacements save pending edits first. */
export function onFlush(flush: () => void): void {
  flushPending = flush;
}

async function saveCurrentNow(): Promise<string | null> {
  flushPending?.();
  await chain;
  return currentId();
}

/** Conflict: take the other tab's newer save. */
export async function loadNewer(): Promise<void> {
  const id = currentId();
  if (!id) return;
  clearSaveNotice('conflict');
  await openSaved(id, 'Loaded the version saved in the other tab.');
}

/** Conflict: this tab's version becomes a new saved workspace; the other tab's stays as it is. */
export async function keepAsCopy(): Promise<void> {
  const id = currentId();
  if (!id) return;
  clearSaveNotice('conflict');
  const copy = newId();
  useSaveStatus.setState({ currentId: copy });
  tab?.tabStorage?.setItem(TAB_KEY, copy);
  const { name } = useWorkspace.getState().workspace;
  renameWorkspace(`${name} (copy)`);
  await save(copy, useWorkspace.getState().workspace);
}
