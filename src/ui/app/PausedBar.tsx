// While a run is paused: why, and what can be done (edit the data, continue, step).
import { useState } from 'react';
import { traceData } from '../../state/traceData.ts';
import type { JsonObject } from '../../engine/types.ts';
import { ROOT } from '../../state/replay.ts';
import { stepCommand } from './stepCommand.ts';
import { DataDialog } from '../inspect/DataDialog.tsx';
import { Glyph } from './Glyph.tsx';
import { sessionState, useSession } from '../../state/currentSession.ts';
import { editPausedData, runToEnd } from '../../state/runCommands.ts';

export function PausedBar() {
  const phase = useSession((s) => s.phase);
  const pausedBy = useSession((s) => s.pausedBy);
  const [editing, setEditing] = useState<JsonObject | null>(null);
  if (phase !== 'paused') return null;
  const openEditor = () => {
    const { events } = sessionState();
    setEditing(traceData(events).dataAt(ROOT, events[events.length - 1].seq) ?? {});
  };
  return (
    <>
      <div className="notice paused" role="status" data-testid="paused">
        <span className="grow">
          <Glyph>⏸</Glyph> Paused {pausedBy ?? 'after a step'}.
        </span>
        <button onClick={openEditor}>Edit data…</button>
        <button className="primary" onClick={() => void runToEnd()}>
          <Glyph>▶</Glyph> Continue
        </button>
        <button onClick={stepCommand}>
          <Glyph>▷</Glyph> Step
        </button>
      </div>
      {editing && (
        <DataDialog
          id="paused-data"
          title="Edit task data"
          hint="The change is recorded in the trace as its own event, then the run goes on from it."
          action="Apply edit"
          initial={editing}
          onApply={editPausedData}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
