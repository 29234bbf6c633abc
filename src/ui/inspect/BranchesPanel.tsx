// What-if branches: fork at the cursor, switch between branches, compare two side by side.
import { useMemo, useState } from 'react';
import { forkAndRun, switchBranch, useBranches } from '../../state/branches.ts';
import { compareBranches, type Comparison } from '../../state/compareBranches.ts';
import { describeValue } from '../../engine/describeValue.ts';
import { DataDialog } from './DataDialog.tsx';
import type { JsonObject } from '../../engine/types.ts';
import { sessionState, useSession } from '../../state/currentSession.ts';

/** A long run's comparison shows this many rows, from just before the first difference. */
const MAX_ROWS = 300;

function shownRows(comparison: Comparison) {
  const from = Math.max(0, Math.min((comparison.firstDifference ?? 0) - 5, comparison.rows.length - MAX_ROWS));
  return comparison.rows.slice(from, from + MAX_ROWS).map((row, k) => ({ row, i: from + k }));
}

export function ForkButton() {
  const hasRun = useSession((s) => s.events.length > 0 && s.phase !== 'running');
  // The point is captured when the dialog opens, so the cursor can move without changing it.
  const [open, setOpen] = useState<{ seq: number; t: number; data: JsonObject } | null>(null);
  const take = () => {
    const { seq, t, data } = sessionState();
    setOpen({ seq, t, data });
  };
  return (
    <>
      <button disabled={!hasRun} onClick={take} title="Start a what-if branch from the data at the cursor (with the current step code)">
        Fork from here…
      </button>
      {open && (
        <DataDialog
          id="fork-data"
          title="Fork from here"
          hint={`A new branch starts from the task's data at t = ${(open.t / 1000).toFixed(3)} s, with the step code as it is now in the editor. Edit the data, then run it.`}
          action="Run branch"
          initial={open.data}
          onApply={(edited) => forkAndRun(open.seq, open.t, edited)}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

export function BranchesPanel() {
  const { branches, active } = useBranches();
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const activeBranch = branches.find((b) => b.id === active)!;
  const other = branches.find((b) => b.id === compareWith && b.id !== active) ?? null;
  const comparison = useMemo(() => (other ? compareBranches(other, activeBranch) : null), [other, activeBranch]);
  return (
    <div className="branches">
      <div className="filters">
        <ForkButton />
        <span className="muted">
          {branches.length} branch{branches.length === 1 ? '' : 'es'}
        </span>
      </div>
      <ul className="branch-list" aria-label="Branches">
        {branches.map((b) => {
          const end = b.events.findLast((e) => e.kind === 'task-ended' && e.task === 't0');
          const status = end?.kind === 'task-ended' ? end.status : b.events.length ? 'running' : 'not run';
          return (
            <li key={b.id} className={b.id === active ? 'active' : ''} data-testid="branch">
              <label>
                <input type="radio" name="branch" checked={b.id === active} onChange={() => switchBranch(b.id)} /> {b.name}
              </label>
              <span className="muted"> · {status}</span>
              {b.id !== active && (
                <button className="link" onClick={() => setCompareWith(b.id)}>
                  {' '}
                  compare with active
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {comparison && other && (
        <section className="compare" data-testid="compare">
          <h5>
            Compare: {other.name} ⟷ {activeBranch.name}
          </h5>
          <p className="muted">
            Step runs of the main task, lined up by virtual time and step name.
            {comparison.firstDifference === null ? ' They agree.' : ''}
          </p>
          <table className="compare-runs">
            <thead>
              <tr>
                <th>t</th>
                <th>
                  {other.name} <span className="muted">({comparison.statusA ?? 'not run'})</span>
                </th>
                <th>
                  {activeBranch.name} <span className="muted">({comparison.statusB ?? 'not run'})</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shownRows(comparison).map(({ row, i }) => (
                <tr
                  key={i}
                  className={i === comparison.firstDifference ? 'differs' : row.beforeFork ? 'before-fork muted' : row.a !== row.b ? 'unmatched' : ''}
                  title={i === comparison.firstDifference ? 'The first real difference' : row.beforeFork ? 'Ran before the fork' : undefined}
                >
                  <td className="mono">{(row.t / 1000).toFixed(3)} s</td>
                  <td>{row.a ?? (row.beforeFork ? '' : '—')}</td>
                  <td>{row.b ?? (row.beforeFork ? '(before the fork)' : '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {comparison.rows.length > MAX_ROWS && (
            <p className="muted">
              Showing {MAX_ROWS} of {comparison.rows.length.toLocaleString('en-US')} step runs, from just before the first difference.
            </p>
          )}
          <h5>Final data differences ({comparison.data.length})</h5>
          <table className="diff">
            <thead>
              <tr>
                <th>path</th>
                <th>{other.name}</th>
                <th>{activeBranch.name}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.data.map((d) => (
                <tr key={d.path}>
                  <td className="mono">{d.path}</td>
                  <td className="mono">{d.kind === 'added' ? '—' : describeValue(d.before, 60)}</td>
                  <td className="mono">{d.kind === 'removed' ? '—' : describeValue(d.after, 60)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
