// An imperative Monaco editor with one model per document path, wrapped as { update, destroy }
// so React only tells it what to show. Markers come from the engine's own checks.
import type { MonacoModule } from './useMonaco.ts';

type Monaco = MonacoModule['monaco'];
type Editor = ReturnType<Monaco['editor']['create']>;

export interface EditorMarker {
  message: string;
  line: number;
  column: number;
}

export interface CodeEditorProps {
  path: string;
  value: string;
  language: 'javascript' | 'json';
  markers: EditorMarker[];
}

export interface CodeEditorHandle {
  update(props: CodeEditorProps): void;
  /** Puts the caret at a line and column (1-based), scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
  destroy(): void;
  editor: Editor;
}

const prefersDark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

export function createCodeEditor(
  m: MonacoModule,
  container: HTMLElement,
  handlers: { onChange(value: string): void; onPaste?(text: string): void; onFocus?(focused: boolean): void },
): CodeEditorHandle {
  const { monaco } = m;
  const editor = monaco.editor.create(container, {
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    tabSize: 2,
    scrollBeyondLastLine: false,
    theme: prefersDark() ? 'vs-dark' : 'vs',
    fixedOverflowWidgets: true,
  });
  let applying = false;
  const models = new Map<string, ReturnType<Monaco['editor']['createModel']>>();
  // Values we sent up that React has not caught up with yet. A render can arrive with an older
  // one while the person keeps typing; writing it back would move the caret and reorder keys.
  const echoes = new Set<string>();
  const changes = editor.onDidChangeModelContent(() => {
    if (applying) return;
    const value = editor.getValue();
    echoes.add(value);
    handlers.onChange(value);
  });
  const pastes = editor.onDidPaste((e) => handlers.onPaste?.(editor.getModel()?.getValueInRange(e.range) ?? ''));
  const focus = editor.onDidFocusEditorText(() => handlers.onFocus?.(true));
  const blur = editor.onDidBlurEditorText(() => handlers.onFocus?.(false));
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  const onScheme = () => monaco.editor.setTheme(prefersDark() ? 'vs-dark' : 'vs');
  scheme?.addEventListener('change', onScheme);

  return {
    editor,
    update({ path, value, language, markers }) {
      const uri = monaco.Uri.parse(`file:///${path}`);
      let model = models.get(path);
      if (!model || model.isDisposed()) {
        model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, language, uri);
        models.set(path, model);
      }
      if (editor.getModel() !== model) {
        editor.setModel(model);
        echoes.clear();
      }
      if (model.getValue() === value) echoes.clear();
      else if (!echoes.has(value)) {
        applying = true;
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
        applying = false;
      }
      monaco.editor.setModelMarkers(
        model,
        'steplab',
        markers.map((marker) => {
          const word = model!.getWordAtPosition({ lineNumber: marker.line, column: marker.column });
          return {
            severity: monaco.MarkerSeverity.Error,
            message: marker.message,
            startLineNumber: marker.line,
            startColumn: marker.column,
            endLineNumber: marker.line,
            endColumn: word ? word.endColumn : model!.getLineMaxColumn(Math.min(marker.line, model!.getLineCount())),
          };
        }),
      );
    },
    reveal(line, column) {
      const model = editor.getModel();
      if (!model) return;
      const lineNumber = Math.max(1, Math.min(line, model.getLineCount()));
      const position = { lineNumber, column: Math.max(1, Math.min(column, model.getLineMaxColumn(lineNumber))) };
      editor.setPosition(position);
      editor.revealPositionInCenterIfOutsideViewport(position);
      editor.focus();
    },
    destroy() {
      changes.dispose();
      pastes.dispose();
      focus.dispose();
      blur.dispose();
      scheme?.removeEventListener('change', onScheme);
      editor.dispose();
      for (const model of models.values()) model.dispose();
    },
  };
}
