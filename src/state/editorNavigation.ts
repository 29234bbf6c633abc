// Which editor tab is open, and a request to put the caret somewhere, so panels outside the
// editor (the Errors list) can open a document at a line and column.
import { create } from 'zustand';

export type EditorTab = 'step' | 'task' | 'expect' | 'connectors' | 'config';

export interface CaretRequest {
  /** The document path the caret belongs in, e.g. `steps/2.js` or `connectors.json`. */
  path: string;
  line: number;
  column: number;
  /** Grows with every request, so asking for the same place twice moves the caret twice. */
  seq: number;
}

export interface EditorNavigationState {
  tab: EditorTab;
  caret: CaretRequest | null;
}

export const useEditorNavigation = create<EditorNavigationState>(() => ({ tab: 'step', caret: null }));

export function setEditorTab(tab: EditorTab): void {
  useEditorNavigation.setState({ tab });
}

let seq = 0;

/** Opens a tab and asks the editor showing `path` to put its caret at the line and column. */
export function revealInEditor(tab: EditorTab, path: string, line: number, column: number): void {
  useEditorNavigation.setState({ tab, caret: { path, line, column, seq: ++seq } });
}

/** Called by the editor once it has moved its caret, so a later mount does not move it again. */
export function caretDone(request: CaretRequest): void {
  if (useEditorNavigation.getState().caret === request) useEditorNavigation.setState({ caret: null });
}
