// console.* and audit.log output with virtual time, task and step, filterable by level. Rows are
// windowed (a run can log 100,000 lines): each shows its first line, the whole text on hover.
import { useMemo, useState } from 'react';
import { useVirtualRows } from './useVirtualRows.ts';
import type { LogLevel } from '../../engine/types.ts';
import { useSession } from '../../state/currentSession.ts';
import { jumpToEvent } from '../../state/runCommands.ts';

const LEVELS: LogLevel[] = ['log', 'info', 'warn', 'error', 'debug', 'audit'];
const ROW = 40;

/** The first line of a log, with how many more there are. */
function firstLine(text: string): string {
  const end = text.indexOf('\n');
  if (end < 0) return text;
  const more = text.split('\n').length - 1;
  return `${text.slice(0, end)} … (${more} more line${more === 1 ? '' : 's'})`;
}

export function ConsolePanel() {
  const events = useSession((s) => s.events);
  const ranWith = useSession((s) => s.workspace);
  const seq = useSession((s) => s.seq);
  const [levels, setLevels] = useState(new Set(LEVELS));
  const logs = useMemo(() => events.flatMap((e) => (e.kind === 'log' && levels.has(e.level) ? [e] : [])), [events, levels]);
  const { box, first, last, totalHeight, onScroll } = useVirtualRows(logs.length, ROW);
  return (
    <div className="console-panel">
      <div className="filters">
        {LEVELS.map((level) => (
          <label key={level}>
            <input
              type="checkbox"
              checked={levels.has(level)}
              onChange={() =>
                setLevels((prev) => {
                  const next = new Set(prev);
                  if (next.has(level)) next.delete(level);
                  else next.add(level);
                  return next;
                })
              }
            />
            {level}
          </label>
        ))}
      </div>
      {logs.length === 0 && <p className="empty">No console output {events.length ? 'at these levels' : 'yet'}.</p>}
      <div className="console-lines" ref={box} onScroll={onScroll}>
        <ul style={{ height: totalHeight }} aria-label="Console output">
          {logs.slice(first, last).map((e, i) => (
            <li key={e.seq} className={`level-${e.level}${e.seq <= seq ? '' : ' future'}`} style={{ top: (first + i) * ROW }}>
              <button className="link mono" onClick={() => jumpToEvent(e.seq)}>
                {(e.t / 1000).toFixed(3)}s
              </button>
              <span className="mono muted">
                {' '}
                {e.task} · {e.step === null ? 'module' : (ranWith?.steps[e.step]?.name ?? e.step)} · {e.level}
              </span>
              <pre title={e.text}>{firstLine(e.text)}</pre>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
