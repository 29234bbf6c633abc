// The Tests view: every task run as a test, pass or fail with its time; a failure lists its
// failing leaves, and a click opens that run in the debugger where it went wrong.
import { useEffect } from 'react';
import { setEditorTab } from '../../state/editorNavigation.ts';
import { cancelTests, openTest, prepareTests, runAllTests, saveRunAsExpectation, useTests, type TestRow } from '../../state/testsStore.ts';
import { selectTask, setNotice, useWorkspace } from '../../state/workspaceStore.ts';
import { Glyph } from '../app/Glyph.tsx';
import { useSession } from '../../state/currentSession.ts';

export function TestsPanel() {
  const { running, rows, ranOn } = useTests();
  const workspace = useWorkspace((s) => s.workspace);
  const canSave = useSession((s) => s.phase === 'ended' && s.events.some((e) => e.kind === 'task-ended' && e.task === 't0'));
  const passed = rows.filter((r) => r.pass === true).length;
  const failed = rows.filter((r) => r.pass === false).length;
  const unchecked = rows.length - passed - failed;
  const expected = workspace.tasks.filter((t) => t.expect).length;
  const stale = ranOn !== null && ranOn !== workspace && !running;
  // The next test run's engine boots while the person reads this view.
  useEffect(() => {
    if (!running) prepareTests();
  }, [running]);
  const save = () => {
    const name = saveRunAsExpectation();
    setNotice(name ? `Saved the run as the expectation of “${name}”; trim what you don't care about in the Expect tab.` : 'Run a task to the end first.');
  };
  return (
    <div className="tests-view">
      <div className="filters">
        {running ? (
          <button onClick={cancelTests}>Cancel</button>
        ) : (
          <button className="primary" onClick={() => void runAllTests()}>
            Run tests
          </button>
        )}
        <button
          disabled={!canSave}
          onClick={save}
          title="Make the finished run on screen its task's expectation: status, result, steps run and the data it changed"
        >
          Save run as expectation
        </button>
        <span className="muted" role="status">
          {rows.length === 0
            ? `${workspace.tasks.length} task${workspace.tasks.length === 1 ? '' : 's'}, ${expected} with an expectation`
            : `${passed} passed, ${failed} failed${unchecked ? `, ${unchecked} without an expectation` : ''}${running ? ` · running ${rows.length + 1} of ${ranOn?.tasks.length ?? 0}…` : ''}`}
          {stale ? ' · the workspace changed since: run again' : ''}
        </span>
      </div>
      {rows.length === 0 && !running && (
        <p className="empty-note">
          A task with an <code>expect</code> is a test: its end status, and optionally its result, a condition pattern over its final data, and the order its
          steps ran. Run a task, then <em>Save run as expectation</em>, or write one in the editor's Expect tab.
        </p>
      )}
      <ul className="test-list" aria-label="Tests">
        {rows.map((row) => (
          <TestRowView key={row.index} row={row} />
        ))}
      </ul>
    </div>
  );
}

function TestRowView({ row }: { row: TestRow }) {
  const mark = row.pass === true ? 'pass' : row.pass === false ? 'fail' : 'none';
  const editExpectation = () => {
    selectTask(row.index);
    setEditorTab('expect');
  };
  return (
    <li className={`test-row test-${mark}`} data-testid="test-row">
      <div className="test-head">
        <Glyph>{mark === 'pass' ? '✓' : mark === 'fail' ? '✕' : '–'}</Glyph>
        <button className="link" onClick={() => void openTest(row)} title="Open this run in the debugger, where it first went wrong">
          {row.name}
        </button>
        <span className="muted">
          {'failed' in row ? 'stopped' : row.status} · {row.ms} ms{mark === 'none' ? ' · no expectation' : ''}
        </span>
        <button className="small" onClick={editExpectation}>
          Edit expectation
        </button>
      </div>
      {'failed' in row ? (
        <p className="test-failure">{row.failed}</p>
      ) : (
        row.failures.length > 0 && (
          <table className="leaves" aria-label={`Why “${row.name}” failed`}>
            <thead>
              <tr>
                <th>where</th>
                <th>expected</th>
                <th>actual</th>
              </tr>
            </thead>
            <tbody>
              {row.failures.map((f, i) => (
                <tr key={i} className="fail">
                  <td>{f.path}</td>
                  <td>{f.expected}</td>
                  <td>{f.actual}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </li>
  );
}
