// The task's data at the cursor: a tree (or the diff of the step at the cursor), a search,
// and pinned paths with their history.
import { useDeferredValue, useMemo, useState } from 'react';
import { traceData } from '../../state/traceData.ts';
import type { Json } from '../../engine/types.ts';
import { diffData, pathHistory } from '../../state/inspect.ts';
import { ROOT } from '../../state/replay.ts';
import { JsonTree } from './JsonTree.tsx';
import { ForkButton } from '../inspect/BranchesPanel.tsx';
import { useHover } from '../../state/hoverStore.ts';
import { useLesson } from '../../state/lessonPlayer.ts';
import { describeValue } from '../../engine/describeValue.ts';
import { clearDataBreakpoint, setDataBreakpoint, useBreakpoints } from '../../state/breakpoints.ts';
import { useSession } from '../../state/currentSession.ts';
import { jumpToEvent } from '../../state/runCommands.ts';

export function DataPanel() {
  // Deferred: while the cursor is dragged, the slider and graph stay smooth and the tree catches up.
  const data = useDeferredValue(useSession((s) => s.data));
  const changedList = useDeferredValue(useSession((s) => s.frame.changed));
  const run = useSession((s) => s.frame.run);
  const events = useSession((s) => s.events);
  const [mode, setMode] = useState<'tree' | 'diff'>('tree');
  const [query, setQuery] = useState('');
  const [pinned, setPinned] = useState<string[]>([]);
  const [pinDraft, setPinDraft] = useState('');
  const changed = useMemo(() => new Set(changedList), [changedList]);
  const hovered = useHover((s) => s.step);
  const lessonMarks = useLesson((s) => s.highlight);
  const spotlight = useMemo(() => new Set(lessonMarks), [lessonMarks]);
  const checks = useSession((s) => s.cursorChecks);
  const reads = useMemo(
    () => (hovered === null ? undefined : new Map((checks[hovered]?.leaves ?? []).map((leaf) => [leaf.path, leaf.pass]))),
    [hovered, checks],
  );
  const writes = useMemo(() => {
    if (hovered === null) return undefined;
    const paths = events.flatMap((e) => (e.kind === 'step-finished' && e.task === ROOT && e.step === hovered ? e.patches.map((p) => p.path.join('.')) : []));
    return new Set(paths);
  }, [hovered, events]);
  const index = traceData(events);
  const diff = useMemo(() => {
    if (!run) return [];
    return diffData(index.dataAt(run.task, run.startSeq) as Json, index.dataAt(run.task, run.seq) as Json);
  }, [run, index]);
  const pin = (path: string) => {
    const clean = path.trim();
    if (clean && !pinned.includes(clean)) setPinned([...pinned, clean]);
    setPinDraft('');
  };
  return (
    <div className="data-panel">
      <div className="filters">
        <div role="radiogroup" aria-label="Data view" className="segmented">
          <button role="radio" aria-checked={mode === 'tree'} onClick={() => setMode('tree')}>
            Tree
          </button>
          <button role="radio" aria-checked={mode === 'diff'} onClick={() => setMode('diff')}>
            Diff{run ? ` (${diff.length})` : ''}
          </button>
        </div>
        <input type="search" placeholder="Search keys and values" aria-label="Search data" value={query} onChange={(e) => setQuery(e.target.value)} />
        <ForkButton />
        <form onSubmit={(e) => (e.preventDefault(), pin(pinDraft))} className="pin-form">
          <input placeholder="Pin a path, e.g. order.status" aria-label="Path to pin" value={pinDraft} onChange={(e) => setPinDraft(e.target.value)} />
          <button type="submit">Pin</button>
        </form>
      </div>
      {pinned.map((path) => (
        <PinnedHistory key={path} path={path} onClose={() => setPinned(pinned.filter((p) => p !== path))} />
      ))}
      {mode === 'tree' ? (
        <JsonTree value={data} changed={changed} query={query} onPin={pin} reads={reads} writes={writes} spotlight={spotlight} />
      ) : (
        <DiffList entries={diff} hasRun={!!run} />
      )}
    </div>
  );
}

function DiffList({ entries, hasRun }: { entries: ReturnType<typeof diffData>; hasRun: boolean }) {
  if (!hasRun) return <p className="empty">Move the cursor to a step run to see what it changed.</p>;
  if (entries.length === 0) return <p className="empty">This step run changed nothing.</p>;
  return (
    <table className="diff" data-testid="diff">
      <thead>
        <tr>
          <th />
          <th>path</th>
          <th>before</th>
          <th>after</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.path} className={`diff-${entry.kind}`}>
            <td>{entry.kind === 'added' ? '+' : entry.kind === 'removed' ? '−' : '~'}</td>
            <td className="mono">{entry.path}</td>
            <td className="mono">{entry.kind === 'added' ? '' : describeValue(entry.before, 80)}</td>
            <td className="mono">{entry.kind === 'removed' ? '' : describeValue(entry.after, 80)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Pause a live run when this path changes, or only when it changes to a given JSON value. */
function DataBreakControl({ path }: { path: string }) {
  const point = useBreakpoints((s) => s.data.find((d) => d.path === path));
  const [value, setValue] = useState('');
  if (point) {
    return (
      <span className="muted">
        ● pauses when it changes{point.value !== undefined ? ` to ${JSON.stringify(point.value)}` : ''}{' '}
        <button onClick={() => clearDataBreakpoint(path)}>Remove</button>
      </span>
    );
  }
  const add = () => {
    if (value.trim() === '') return setDataBreakpoint(path, undefined);
    try {
      setDataBreakpoint(path, JSON.parse(value) as Json);
    } catch {
      setDataBreakpoint(path, value);
    }
  };
  return (
    <span className="pin-form">
      <input
        aria-label={`Pause when ${path} changes to (optional JSON value)`}
        placeholder="any value"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        style={{ width: 90 }}
      />
      <button onClick={add} title="Pause a live run when this path changes (to this value, if given)">
        Break on change
      </button>
    </span>
  );
}

function PinnedHistory({ path, onClose }: { path: string; onClose(): void }) {
  const events = useSession((s) => s.events);
  const ranWith = useSession((s) => s.workspace);
  const seq = useSession((s) => s.seq);
  const history = useMemo(() => pathHistory(events, traceData(events), ROOT, path), [events, path]);
  return (
    <section className="pinned" data-testid="pinned" aria-label={`History of ${path}`}>
      <div className="pinned-head">
        <b className="mono">Pinned: {path}</b>{' '}
        <span className="muted">
          {history.length} change{history.length === 1 ? '' : 's'}
        </span>
        <DataBreakControl path={path} />
        <button onClick={onClose} aria-label={`Unpin ${path}`}>
          ✕
        </button>
      </div>
      <ol>
        {history.map((h) => (
          <li key={h.seq} className={h.seq === seq ? 'current' : ''}>
            <button className="link" onClick={() => jumpToEvent(h.seq)}>
              <span className="mono">{(h.t / 1000).toFixed(3)}s</span> {h.step !== null ? `‘${ranWith?.steps[h.step]?.name ?? h.step}’` : h.cause}:{' '}
              <span className="mono">
                {describeValue(h.before, 40)} → {describeValue(h.after, 40)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
