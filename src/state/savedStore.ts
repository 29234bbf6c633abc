// Saved workspaces in IndexedDB (idb-keyval), or in memory when the browser refuses storage.
// Each workspace has an id and a revision; a save only lands on the revision it started from,
// so a tab never silently overwrites what another tab saved.
import { createStore, del, get, set, update } from 'idb-keyval';
import type { Workspace } from '../engine/types.ts';

export interface SavedRecord {
  id: string;
  rev: number;
  savedAt: number;
  workspace: Workspace;
}

export interface RecentEntry {
  id: string;
  name: string;
  savedAt: number;
}

export interface Backend {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Read-modify-write in one transaction; a throwing updater writes nothing. */
  update<T>(key: string, fn: (old: T | undefined) => T): Promise<void>;
}

export const RECENT_MAX = 30;
const RECENT = 'recent';
export const CORRUPT = 'corrupt';
const wsKey = (id: string) => `ws:${id}`;
export const sessionKey = (id: string) => `session:${id}`;

export function idbBackend(): Backend {
  const store = createStore('steplab', 'saved');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    update: (key, fn) => update(key, fn, store),
  };
}

export function memoryBackend(): Backend {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    update: async <T>(key: string, fn: (old: T | undefined) => T) => void map.set(key, structuredClone(fn(map.get(key) as T | undefined))),
  };
}

/** Whether the backend really stores (private windows may refuse or hang); a busy machine can take seconds to open it. */
export async function probe(backend: Backend, ms = 15000): Promise<boolean> {
  const attempt = (async () => {
    await backend.set('probe', 1);
    return (await backend.get('probe')) === 1;
  })();
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms));
  try {
    return await Promise.race([attempt, timeout]);
  } catch {
    return false;
  }
}

export function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export class SaveConflict extends Error {
  constructor(readonly newer: SavedRecord) {
    super('a newer save exists');
  }
}

/**
 * Saves `workspace` as revision baseRev + 1. Throws SaveConflict when the stored revision is
 * not `baseRev` (another tab saved in between); storage errors (quota) pass through.
 */
export async function saveRecord(backend: Backend, id: string, workspace: Workspace, baseRev: number, now = Date.now()): Promise<SavedRecord> {
  let saved: SavedRecord | null = null;
  await backend.update<SavedRecord>(wsKey(id), (old) => {
    if (old && old.rev !== baseRev) throw new SaveConflict(old);
    saved = { id, rev: baseRev + 1, savedAt: now, workspace };
    return saved;
  });
  await touchRecent(backend, { id, name: workspace.name, savedAt: now });
  return saved!;
}

export function loadRecord(backend: Backend, id: string): Promise<SavedRecord | undefined> {
  return backend.get<SavedRecord>(wsKey(id));
}

export async function listRecent(backend: Backend): Promise<RecentEntry[]> {
  return (await backend.get<RecentEntry[]>(RECENT)) ?? [];
}

/** Puts an entry first in Recent; entries past RECENT_MAX lose their saved copy too. */
async function touchRecent(backend: Backend, entry: RecentEntry): Promise<void> {
  let dropped: RecentEntry[] = [];
  await backend.update<RecentEntry[]>(RECENT, (old = []) => {
    const list = [entry, ...old.filter((e) => e.id !== entry.id)].sort((a, b) => b.savedAt - a.savedAt);
    dropped = list.slice(RECENT_MAX);
    return list.slice(0, RECENT_MAX);
  });
  for (const e of dropped) {
    await backend.del(wsKey(e.id));
    await backend.del(sessionKey(e.id));
  }
}

export async function forget(backend: Backend, id: string): Promise<void> {
  await backend.update<RecentEntry[]>(RECENT, (old = []) => old.filter((e) => e.id !== id));
  await backend.del(wsKey(id));
  await backend.del(sessionKey(id));
}
