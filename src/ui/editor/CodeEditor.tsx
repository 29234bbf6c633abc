// React wrapper around createCodeEditor: creates it once, then passes props through update().
import { useEffect, useRef } from 'react';
import { createCodeEditor, type CodeEditorHandle, type CodeEditorProps } from './createCodeEditor.ts';
import { useMonaco } from './useMonaco.ts';

interface Props extends CodeEditorProps {
  onChange(value: string): void;
  onPaste?(text: string): void;
  label: string;
}

export function CodeEditor({ onChange, onPaste, label, ...props }: Props) {
  const { monaco, error } = useMonaco();
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<CodeEditorHandle | null>(null);
  const callbacks = useRef({ onChange, onPaste });
  callbacks.current = { onChange, onPaste };

  useEffect(() => {
    if (!monaco || !host.current) return;
    handle.current = createCodeEditor(monaco, host.current, {
      onChange: (value) => callbacks.current.onChange(value),
      onPaste: (text) => callbacks.current.onPaste?.(text),
    });
    return () => {
      handle.current?.destroy();
      handle.current = null;
    };
  }, [monaco]);

  useEffect(() => {
    handle.current?.update(props);
  });

  if (error) return <div className="inline-error" role="alert">{error}</div>;
  return (
    <div className="editor-host" ref={host} aria-label={label} data-testid={`editor-${props.language}`}>
      {!monaco && <div className="editor-loading">Loading the editor…</div>}
    </div>
  );
}
