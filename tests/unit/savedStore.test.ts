// Saved workspaces: IndexedDB through idb-keyval (fake-indexeddb here), revisions that stop a tab
// overwriting a newer save, Recent, and moving the old localStorage save in.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { CORRUPT, forget, idbBackend, listRecent, loadRecord, memoryBackend, probe, RECENT_MAX, SaveConflict, saveRecord } from '../../src/state/savedStore.ts';
import { CORRUPT_KEY, migrateLocalSave, SAVE_KEY, type CorruptCopy } from '../../src/state/persistence.ts';
import { deleteStep, loadWorkspace, undoDelete, useWorkspace } from '../../src/state/workspaceStore.ts';

const ws = (name: string) =>
  parseWorkspace({ name, steps: [{ name: 'A', source: 'export const condition = { a: 1 };\nexport const content = async () => {};' }] });

class MemoryStorage implements Storage {
  map = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
}

describe('saved workspaces', () => {
  for (const [label, make] of [
    ['IndexedDB', idbBackend],
    ['memory', memoryBackend],
  ] as const) {
    it(`${label}: saves revisions and refuses to overwrite a newer save`, async () => {
      const b = make();
      expect(await probe(b)).toBe(true);
      const id = `t-${label}`;
      const first = await saveRecord(b, id, ws('One'), 0);
      expect(first.rev).toBe(1);
      // Two tabs both opened revision 1; the first to save wins, the second gets the newer copy.
      await saveRecord(b, id, ws('Tab A'), 1);
      const refused = await saveRecord(b, id, ws('Tab B'), 1).catch((e) => e);
      expect(refused).toBeInstanceOf(SaveConflict);
      expect((refused as SaveConflict).newer.workspace.name).toBe('Tab A');
      expect((await loadRecord(b, id))?.workspace.name).toBe('Tab A');
    });
  }

  it('Recent lists the newest first, keeps at least 20 and forgets on request', async () => {
    const b = memoryBackend();
    for (let i = 0; i < RECENT_MAX + 5; i++) await saveRecord(b, `w${i}`, ws(`W${i}`), 0, 1000 + i);
    const recent = await listRecent(b);
    expect(recent.length).toBe(RECENT_MAX);
    expect(RECENT_MAX).toBeGreaterThanOrEqual(20);
    expect(recent[0]).toEqual({ id: `w${RECENT_MAX + 4}`, name: `W${RECENT_MAX + 4}`, savedAt: 1000 + RECENT_MAX + 4 });
    expect(await loadRecord(b, 'w0')).toBeUndefined();
    await forget(b, recent[0].id);
    expect((await listRecent(b)).length).toBe(RECENT_MAX - 1);
  });
});

describe('moving the localStorage save in', () => {
  it('imports a good save once and removes the old key', async () => {
    const b = idbBackend();
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, JSON.stringify(ws('Old save')));
    const { id } = await migrateLocalSave(storage, b, true);
    expect((await loadRecord(b, id!))?.workspace.name).toBe('Old save');
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect((await migrateLocalSave(storage, b, true)).id).toBeNull();
  });

  it('keeps a large corrupt copy whole, even when localStorage has no room for it', async () => {
    const b = idbBackend();
    const storage = new MemoryStorage();
    const text = `{"steps": [${'"x",'.repeat(1_500_000)}`;
    storage.setItem(SAVE_KEY, text);
    storage.quota = 1000;
    const { corrupt } = await migrateLocalSave(storage, b, true);
    expect(corrupt?.reason).toMatch(/JSON/);
    expect((await b.get<CorruptCopy>(CORRUPT))?.text).toBe(text);
    expect(storage.getItem(CORRUPT_KEY)).toBeNull();
  });

  it('does not remove the old save when the store only lives in memory', async () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, JSON.stringify(ws('Private')));
    await migrateLocalSave(storage, memoryBackend(), false);
    expect(storage.getItem(SAVE_KEY)).not.toBeNull();
  });
});

describe('deleting the last step', () => {
  it('drops a lesson that no longer fits, and Undo brings both back', () => {
    const lesson = { title: 'L', stops: [{ at: 'A', title: 'Stop', text: 'Look' }] };
    loadWorkspace(parseWorkspace({ ...ws('Lesson'), lesson }));
    const before = useWorkspace.getState().workspace.lesson;
    expect(before).toBeDefined();
    deleteStep(0);
    expect(useWorkspace.getState().workspace.lesson).toBeUndefined();
    undoDelete();
    expect(useWorkspace.getState().workspace.lesson).toEqual(before);
    expect(useWorkspace.getState().workspace.steps).toHaveLength(1);
  });
});
