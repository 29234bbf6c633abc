// Every trace event in order, filterable by kind, task and step. Clicking one moves the cursor.
import { useMemo, useState } from 'react';
import { useVirtualRows } from './useVirtualRows.ts';
import { describeEvent, EVENT_KINDS, kindGroup } from '../../state/eventText.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import type { TraceEvent } from '../../engine/types.ts';
import { useSession } from '../../state/currentSession.ts';
import { jumpToEvent } from '../../state/runCommands.ts';

const ROW = 22;
const DEFAULT_KINDS = new Set<TraceEvent['kind']>(EVENT_KINDS.map((k) => k.kind).filter((k) => k !== 'evaluated'));

const stepOf = (e: TraceEvent): number | null => ('step' in e && typeof e.step === 'number' ? e.step : null);

export function EventLog() {
  const events = useSession((s) => s.events);
  const ranWith = useSession((s) => s.workspace);
  const current = useWorkspace((s) => s.workspace.steps);
  const names = useMemo(() => (ranWith?.steps ?? current).map((s) => s.name), [ranWith, current]);
  const seq = useSession((s) => s.seq);
  const [kinds, setKinds] = useState(DEFAULT_KINDS);
  const [task, setTask] = useState('all');
  const [step, setStep] = useState('all');
  const tasks = useMemo(() => events.flatMap((e) => (e.kind === 'task-created' ? [e.task] : [])), [events]);
  const latency = useMemo(() => new Map(events.flatMap((e) => (e.kind === 'connector-result' ? [[e.call, e.latencyMs] as [number, number]] : []))), [events]);
  const shown = useMemo(
    () => events.filter((e) => kinds.has(kindGroup(e.kind)) && (task === 'all' || e.task === task) && (step === 'all' || stepOf(e) === Number(step))),
    [events, kinds, task, step],
  );
  const { box, first, last, totalHeight, onScroll } = useVirtualRows(shown.length, ROW);

  return (
    <div className="event-log">
      <div className="filters">
        <details>
          <summary>Kinds ({kinds.size})</summary>
          <div className="kind-list">
            {EVENT_KINDS.map(({ kind, label }) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={kinds.has(kind)}
                  onChange={() =>
                    setKinds((prev) => {
                      const next = new Set(prev);
                      if (next.has(kind)) next.delete(kind);
                      else next.add(kind);
                      return next;
                    })
                  }
                />
                {label}
              </label>
            ))}
          </div>
        </details>
        <select aria-label="Filter by task" value={task} onChange={(e) => setTask(e.target.value)}>
          <option value="all">all tasks</option>
          {tasks.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <select aria-label="Filter by step" value={step} onChange={(e) => setStep(e.target.value)}>
          <option value="all">all steps</option>
          {names.map((n, i) => (
            <option key={i} value={i}>
              {n}
            </option>
          ))}
        </select>
        <span className="muted">
          {shown.length} of {events.length} events
        </span>
      </div>
      <div className="rows" ref={box} onScroll={onScroll} role="list" aria-label="Trace events">
        {events.length === 0 && <p className="empty">Run the task to see its events.</p>}
        <div style={{ height: totalHeight, position: 'relative' }}>
          {shown.slice(first, last).map((e, i) => (
            <button
              key={e.seq}
              role="listitem"
              className={`event-row kind-${e.kind}${e.seq === seq ? ' current' : ''}`}
              style={{ top: (first + i) * ROW }}
              onClick={() => jumpToEvent(e.seq)}
              data-kind={e.kind}
              title={describeEvent(e, names, latency)}
            >
              <span className="mono t">{(e.t / 1000).toFixed(3)}s</span>
              <span className="mono task">{e.task}</span>
              <span className="text">{describeEvent(e, names, latency)}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
