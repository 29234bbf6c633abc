// Why did this step run, or not: the selected step's condition, leaf by leaf, at the cursor.
import { verdictFor } from '../../state/inspect.ts';
import { useQuiz } from '../../state/quiz.ts';
import { selectStep, useWorkspace } from '../../state/workspaceStore.ts';
import { describeValue } from '../../engine/describeValue.ts';
import { toggleConditionBreakpoint, useBreakpoints } from '../../state/breakpoints.ts';
import { useSession } from '../../state/currentSession.ts';

export function WhyPanel() {
  const selected = useWorkspace((s) => s.selectedStep);
  const current = useWorkspace((s) => s.workspace.steps);
  const ranWith = useSession((s) => s.workspace);
  const steps = ranWith?.steps ?? current;
  const checks = useSession((s) => s.cursorChecks);
  const conditionBreaks = useBreakpoints((s) => s.conditions);
  const frame = useSession((s) => s.frame);
  const asking = useQuiz((s) => s.asking !== null);
  const names = steps.map((s) => s.name);
  const step = steps[selected];
  if (!step) return <p className="empty">Select a step to see why it did or did not run.</p>;
  const check = checks[selected];
  return (
    <div className="why">
      <h4 className="why-title">{step.name}</h4>
      <p className="verdict" data-testid="why-verdict">
        {verdictFor(selected, names, step.enabled, check, frame, asking)}
      </p>
      <label className="muted">
        <input type="checkbox" checked={conditionBreaks.includes(selected)} onChange={() => toggleConditionBreakpoint(selected)} /> Pause a live run when this
        condition starts to match
      </label>
      {check && check.leaves.length > 0 && (
        <table className="leaves" aria-label="Condition leaves">
          <thead>
            <tr>
              <th />
              <th>path</th>
              <th>expected</th>
              <th>actual</th>
            </tr>
          </thead>
          <tbody>
            {check.leaves.map((leaf, i) => (
              <tr key={i} className={leaf.pass ? 'pass' : 'fail'} data-testid="leaf">
                <td>{leaf.pass ? '✓' : '✕'}</td>
                <td className="mono">
                  {leaf.path}
                  {leaf.via ? <span className="via"> {leaf.via}</span> : null}
                </td>
                <td className="mono">{leaf.expected}</td>
                <td className="mono">{leaf.actual === undefined ? 'missing' : describeValue(leaf.actual, 80)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h5>All steps here</h5>
      <ul className="why-list">
        {steps.map((s, i) => (
          <li key={i}>
            <button className="link" onClick={() => selectStep(i)} aria-current={i === selected}>
              {s.name}
            </button>
            <span className="muted"> — {verdictFor(i, names, s.enabled, checks[i], frame, asking)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
