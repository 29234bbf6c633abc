// console.* and audit.log output with virtual time, task and step, filterable by level.
import { useMemo, useState } from 'react';
import type { LogLevel } from '../../engine/types.ts';
import { useFrame } from '../../state/frameStore.ts';
import { jumpToEvent, useRun } from '../../state/runStore.ts';

const LEVELS: LogLevel[] = ['log', 'info', 'warn', 'error', 'debug', 'audit'];

export function ConsolePanel() {
  const events = useRun((s) => s.events);
  const ranWith = useRun((s) => s.workspace);
  const seq = useFrame((s) => s.seq);
  const [levels, setLevels] = useState(new Set(LEVELS));
  const logs = useMemo(() => events.flatMap((e) => (e.kind === 'log' && levels.has(e.level) ? [e] : [])), [events, levels]);
  return (
    <div className="console-panel">
      <div className="filters">
        {LEVELS.map((level) => (
          <label key={level}>
            <input type="checkbox" checked={levels.has(level)} onChange={() => setLevels((prev) => {
              const next = new Set(prev);
              if (next.has(level)) next.delete(level);
              else next.add(level);
              return next;
            })} />
            {level}
          </label>
        ))}
      </div>
      {logs.length === 0 && <p className="empty">No console output {events.length ? 'at these levels' : 'yet'}.</p>}
      <ul className="console-lines">
        {logs.map((e) => (
          <li key={e.seq} className={`level-${e.level}${e.seq <= seq ? '' : ' future'}`}>
            <button className="link mono" onClick={() => jumpToEvent(e.seq)}>{(e.t / 1000).toFixed(3)}s</button>
            <span className="mono muted"> {e.task} · {e.step === null ? 'module' : (ranWith?.steps[e.step]?.name ?? e.step)} · {e.level}</span>
            <pre>{e.text}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
