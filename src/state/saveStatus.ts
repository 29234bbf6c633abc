// What the person must know about saving: storage refused or full, a damaged copy, another tab's
// newer save, and the Undo offer after a replacement. Also the File ▸ Recent list.
import { create } from 'zustand';
import type { RecentEntry } from './savedStore.ts';

export type SaveNoticeKind = 'unavailable' | 'failed' | 'corrupt' | 'conflict' | 'recovered';

export interface SaveNotice {
  kind: SaveNoticeKind;
  text: string;
}

export interface UndoOffer {
  text: string;
  /** The workspace that was replaced, to go back to. */
  previous: string;
  /** The one that replaced it. */
  opened: string;
}

export interface SaveStatus {
  notice: SaveNotice | null;
  undo: UndoOffer | null;
  recent: RecentEntry[];
  /** The saved workspace this tab edits. */
  currentId: string | null;
}

export const useSaveStatus = create<SaveStatus>(() => ({ notice: null, undo: null, recent: [], currentId: null }));

export function showSaveNotice(notice: SaveNotice | null): void {
  useSaveStatus.setState({ notice });
}

/** Clears a notice of this kind only, so fixing one problem doesn't hide another. */
export function clearSaveNotice(kind: SaveNoticeKind): void {
  if (useSaveStatus.getState().notice?.kind === kind) useSaveStatus.setState({ notice: null });
}
