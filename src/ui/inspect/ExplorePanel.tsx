// Explore: runs generated variants of the tasks' data and groups what happened. Every class that
// did not end `done` gets a minimal example and the reason it stopped, and can become a task.
import { useEffect } from 'react';
import type { ExploredClass } from '../../engine/explore/exploreChunk.ts';
import { addFindingAsTask, cancelExplore, explore, prepareExplore, setExploreOptions, useExplore } from '../../state/exploreStore.ts';
import { setEditorTab } from '../../state/editorNavigation.ts';
import { setNotice, useWorkspace } from '../../state/workspaceStore.ts';

export function ExplorePanel() {
  const { phase, runs, seed, result, ms, error } = useExplore();
  const busy = phase === 'exploring' || phase === 'shrinking';
  const done = result?.runs ?? 0;
  // The next exploration's engine boots while the person reads this view.
  useEffect(() => {
    if (!busy) prepareExplore();
  }, [busy]);
  return (
    <div className="explore-view">
      <div className="filters">
        <label>
          Variants{' '}
          <input type="number" min={1} max={100000} value={runs} disabled={busy} onChange={(e) => setExploreOptions({ runs: Number(e.target.value) || 1 })} />
        </label>
        <label>
          Seed <input type="number" value={seed} disabled={busy} onChange={(e) => setExploreOptions({ seed: Math.trunc(Number(e.target.value) || 0) })} />
        </label>
        {busy ? (
          <button onClick={cancelExplore}>Cancel</button>
        ) : (
          <button className="primary" onClick={() => void explore()}>
            Explore
          </button>
        )}
        <span className="muted" role="status">
          {phase === 'idle' && 'Generates task data from your tasks and conditions, runs it, and groups the outcomes.'}
          {phase === 'exploring' && `Running ${done.toLocaleString('en')} of ${runs.toLocaleString('en')}…`}
          {phase === 'shrinking' && `Ran ${done.toLocaleString('en')} in ${(ms / 1000).toFixed(2)} s; finding minimal examples…`}
          {phase === 'done' && `Ran ${done.toLocaleString('en')} variants in ${(ms / 1000).toFixed(2)} s: ${result?.classes.length ?? 0} classes.`}
          {phase === 'cancelled' && `Cancelled after ${done.toLocaleString('en')} variants.`}
          {error && ` ${error}`}
        </span>
      </div>
      {phase === 'exploring' && <progress className="explore-progress" aria-label="Explore progress" max={runs} value={done} />}
      {result && result.classes.length > 0 && (
        <ol className="class-list" aria-label="Outcome classes">
          {result.classes.map((found) => (
            <ClassRow key={found.key} found={found} total={result.runs} />
          ))}
        </ol>
      )}
    </div>
  );
}

function ClassRow({ found, total }: { found: ExploredClass; total: number }) {
  const shrunk = useExplore((s) => s.shrunk[found.key]);
  const share = total > 0 ? Math.round((found.count / total) * 1000) / 10 : 0;
  const add = () => {
    const index = addFindingAsTask(found);
    const name = useWorkspace.getState().workspace.tasks[index]?.name;
    setEditorTab('task');
    setNotice(`Added the task “${name}” with an expectation; it is selected, and the Tests tab runs it as a test.`);
  };
  return (
    <li className={`class-row status-${found.status}`} data-testid="outcome-class">
      <div className="class-head">
        <strong>{found.status}</strong>{' '}
        <span className="muted">
          ×{found.count.toLocaleString('en')} ({share}%)
        </span>
        {found.error && <span className="class-error"> {found.error}</span>}
      </div>
      <div className="class-ran">ran: {found.ran.length ? found.ran.join(' → ') : 'no step'}</div>
      {shrunk ? (
        <>
          <div className="class-example">
            minimal example: <code>{JSON.stringify(shrunk.data)}</code>
          </div>
          <div className="class-why">why: {shrunk.why}</div>
        </>
      ) : (
        <div className="class-example">
          example #{found.index}: <code>{JSON.stringify(found.data)}</code>
        </div>
      )}
      {found.status !== 'done' && (
        <button className="small" onClick={add}>
          Add as task
        </button>
      )}
    </li>
  );
}
