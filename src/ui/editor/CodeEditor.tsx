// React wrapper around createCodeEditor: creates it once, then passes props through update().
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createCodeEditor, type CodeEditorHandle, type CodeEditorProps } from './createCodeEditor.ts';
import { useMonaco } from './useMonaco.ts';
import { caretDone, useEditorNavigation } from '../../state/editorNavigation.ts';

interface Props extends CodeEditorProps {
  onChange(value: string): void;
  onPaste?(text: string): void;
  label: string;
}

export function CodeEditor({ onChange, onPaste, label, ...props }: Props) {
  const { monaco, error } = useMonaco();
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<CodeEditorHandle | null>(null);
  const [focused, setFocused] = useState(false);
  const callbacks = useRef({ onChange, onPaste });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onPaste };
  });

  useEffect(() => {
    if (!monaco || !host.current) return;
    handle.current = createCodeEditor(monaco, host.current, {
      onChange: (value) => callbacks.current.onChange(value),
      onPaste: (text) => callbacks.current.onPaste?.(text),
      onFocus: setFocused,
    });
    return () => {
      handle.current?.destroy();
      handle.current = null;
    };
  }, [monaco]);

  useEffect(() => {
    handle.current?.update(props);
  });

  // A caret request for this document (from the Errors list): honoured once the model is shown.
  const caret = useEditorNavigation((s) => (s.caret?.path === props.path ? s.caret : null));
  useEffect(() => {
    if (!caret || !handle.current) return;
    handle.current.reveal(caret.line, caret.column);
    caretDone(caret);
  }, [caret, monaco]);

  if (error)
    return (
      <div className="inline-error" role="alert">
        {error}
      </div>
    );
  return (
    <>
      <div className="editor-host" ref={host} aria-label={label} data-testid={`editor-${props.language}`}>
        {!monaco && <div className="editor-loading">Loading the editor…</div>}
      </div>
      {/* Tab indents inside Monaco, so say how to leave it. */}
      {focused && (
        <div className="editor-hint" data-testid="editor-hint">
          Tab indents here. <kbd>Ctrl</kbd>+<kbd>M</kbd> makes Tab move focus out (press again to indent).
        </div>
      )}
    </>
  );
}
