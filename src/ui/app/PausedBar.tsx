// While a run is paused: why, and what can be done (edit the data, continue, step).
import { useState } from 'react';
import { createDataIndex } from '../../engine/traceFold.ts';
import type { JsonObject } from '../../engine/types.ts';
import { ROOT } from '../../state/replay.ts';
import { editPausedData, runToEnd, stepOnce, useRun } from '../../state/runStore.ts';
import { JsonEditor } from '../editor/JsonEditor.tsx';
import { isPlainObject } from '../../engine/compileCondition.ts';
import { setJsonError } from '../../state/workspaceStore.ts';

export function PausedBar() {
  const phase = useRun((s) => s.phase);
  const pausedBy = useRun((s) => s.pausedBy);
  const [editing, setEditing] = useState<JsonObject | null>(null);
  const [draft, setDraft] = useState<JsonObject | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (phase !== 'paused') return null;
  const close = () => {
    setJsonError('paused-data', null);
    setEditing(null);
  };
  const openEditor = () => {
    const { events } = useRun.getState();
    const data = createDataIndex(events).dataAt(ROOT, events[events.length - 1].seq) ?? {};
    setEditing(data);
    setDraft(data);
    setError(null);
  };
  const apply = async () => {
    try {
      if (draft) await editPausedData(draft);
      close();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <div className="notice paused" role="status" data-testid="paused">
        <span className="grow">⏸ Paused {pausedBy ?? 'after a step'}.</span>
        <button onClick={openEditor}>Edit data…</button>
        <button className="primary" onClick={() => void runToEnd()}>▶ Continue</button>
        <button onClick={() => void stepOnce()}>▷ Step</button>
      </div>
      {editing && (
        <div className="overlay">
          <div className="card edit-data" role="dialog" aria-label="Edit task data">
            <h3 style={{ marginTop: 0 }}>Edit the task’s data</h3>
            <p className="muted">The change is recorded in the trace as its own event, then the run goes on from it.</p>
            <div className="edit-data-editor">
              <JsonEditor id="paused-data" path="paused-data.json" value={editing} parse={(v) => { if (!isPlainObject(v)) throw new Error('Task data must be a JSON object'); return v as JsonObject; }} commit={setDraft} />
            </div>
            {error && <p className="inline-error">{error}</p>}
            <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 8 }}>
              <button onClick={close}>Cancel</button>
              <button className="primary" onClick={() => void apply()}>Apply edit</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
