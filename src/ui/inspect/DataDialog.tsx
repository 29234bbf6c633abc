// A modal JSON editor for task data: used to edit data while paused and to fork a what-if branch.
import { useRef, useState } from 'react';
import { useEscape, useFocusTrap } from '../app/useDismiss.ts';
import { isPlainObject } from '../../engine/plainValues.ts';
import type { JsonObject } from '../../engine/types.ts';
import { setJsonError } from '../../state/workspaceStore.ts';
import { JsonEditor } from '../editor/JsonEditor.tsx';

interface Props {
  id: string;
  title: string;
  hint: string;
  action: string;
  initial: JsonObject;
  onApply(data: JsonObject): Promise<void> | void;
  onClose(): void;
}

const asObject = (value: unknown) => {
  if (!isPlainObject(value)) throw new Error('Task data must be a JSON object');
  return value as JsonObject;
};

export function DataDialog({ id, title, hint, action, initial, onApply, onClose }: Props) {
  const [draft, setDraft] = useState<JsonObject>(initial);
  const [error, setError] = useState<string | null>(null);
  const card = useRef<HTMLDivElement>(null);
  const close = () => {
    setJsonError(id, null);
    onClose();
  };
  useFocusTrap(card);
  useEscape(close);
  const apply = async () => {
    try {
      await onApply(draft);
      close();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="overlay">
      <div className="card edit-data" role="dialog" aria-modal="true" aria-label={title} ref={card}>
        <h3 style={{ marginTop: 0 }}>{title}</h3>
        <p className="muted">{hint}</p>
        <div className="edit-data-editor">
          <JsonEditor id={id} path={`${id}.json`} value={initial} parse={asObject} commit={setDraft} />
        </div>
        {error && <p className="inline-error">{error}</p>}
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 8 }}>
          <button onClick={close}>Cancel</button>
          <button className="primary" onClick={() => void apply()}>
            {action}
          </button>
        </div>
      </div>
    </div>
  );
}
