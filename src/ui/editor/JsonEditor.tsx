// A JSON editor that never loses work: text that does not parse (or has the wrong shape) shows
// an error under the editor and disables Run, while the last valid value stays in use.
import { useEffect, useRef, useState } from 'react';
import { parseJsonText } from '../../state/jsonProblem.ts';
import { setJsonError, useWorkspace } from '../../state/workspaceStore.ts';
import { CodeEditor } from './CodeEditor.tsx';

interface Props<T> {
  id: string;
  path: string;
  value: T;
  parse(value: unknown): T;
  commit(value: T): void;
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function JsonEditor<T>({ id, path, value, parse, commit }: Props<T>) {
  const storedError = useWorkspace((s) => s.jsonErrors[id]);
  // Every value this editor committed: with fast typing, React may render an older one of our own
  // commits after a newer one was sent, and that must not be mistaken for a change from outside.
  const ours = useRef(new Set<unknown>([value]));
  // Text with an error outlives a tab switch: it comes back from the store, not from the value.
  const [text, setText] = useState(() => (storedError?.path === path ? storedError.text : undefined) ?? pretty(value));
  useEffect(() => {
    // The value changed from outside (an example was opened): show it, unless it is our own commit.
    if (!ours.current.has(value)) {
      ours.current = new Set([value]);
      setText(pretty(value));
      setJsonError(id, null);
    }
  }, [value, id]);

  const onChange = (next: string) => {
    setText(next);
    const parsed = parseJsonText(next);
    if (!parsed.ok) {
      setJsonError(id, { ...parsed.problem, text: next, path });
      return;
    }
    try {
      const valid = parse(parsed.value);
      // Forget the oldest only: clearing them all let a late render of a recent commit reset
      // the text mid-typing (and Monaco's auto-closed brackets with it).
      if (ours.current.size >= 200) ours.current.delete(ours.current.values().next().value);
      ours.current.add(valid);
      setJsonError(id, null);
      commit(valid);
    } catch (error) {
      setJsonError(id, { message: (error as Error).message, line: null, column: null, text: next, path });
    }
  };

  const markers = storedError?.line ? [{ message: storedError.message, line: storedError.line, column: storedError.column ?? 1 }] : [];
  return (
    <>
      <CodeEditor label={`${id} JSON`} path={path} value={text} language="json" markers={markers} onChange={onChange} />
      {storedError && (
        <div className="inline-error" role="alert" data-testid="json-error">
          {storedError.line ? `Line ${storedError.line}:${storedError.column} — ` : ''}
          {storedError.message} — the last valid version is still in use; Run is disabled until this is fixed.
        </div>
      )}
    </>
  );
}
