// Condition coverage over the Tests view's runs or the last exploration: steps that never ran,
// leaves never seen true or never seen false, and the end statuses reached. The same can be
// drawn on the graph.
import { coverageSummary, setCoverageOverlay, setCoverageSource, useCoverage, useCoverageView, type CoverageSource } from '../../state/coverageView.ts';
import { leafGap } from '../graph/CoverageMarks.tsx';
import { chipText } from '../graph/conditionChips.ts';

const SOURCES: [CoverageSource, string][] = [
  ['tests', 'Tests'],
  ['explore', 'Explore'],
];

export function CoveragePanel() {
  const { source, overlay } = useCoverageView();
  const coverage = useCoverage();
  const summary = coverageSummary(coverage);
  return (
    <div className="coverage-view">
      <div className="filters">
        <span role="radiogroup" aria-label="Coverage of">
          {SOURCES.map(([id, label]) => (
            <label key={id}>
              <input type="radio" name="coverage-source" checked={source === id} onChange={() => setCoverageSource(id)} /> {label}
            </label>
          ))}
        </span>
        <label>
          <input type="checkbox" checked={overlay} onChange={(e) => setCoverageOverlay(e.target.checked)} /> Show on graph
        </label>
      </div>
      {!summary ? (
        <p className="empty-note">
          {source === 'tests'
            ? 'Run the tests (Tests tab) to see which steps and condition leaves they exercise.'
            : 'Explore (Explore tab) to see coverage over generated data.'}
        </p>
      ) : (
        <>
          <p className="coverage-summary" role="status">
            {coverage!.runs} run{coverage!.runs === 1 ? '' : 's'}: {summary.stepsRun} of {summary.steps} steps ran; {summary.leavesBoth} of {summary.leaves}{' '}
            leaves seen both true and false. Ended:{' '}
            {Object.entries(coverage!.statuses)
              .map(([status, n]) => `${status} ×${n}`)
              .join(', ') || 'none'}
            .
          </p>
          <table className="leaves coverage-table" aria-label="Coverage by step">
            <thead>
              <tr>
                <th>step</th>
                <th>runs</th>
                <th>condition leaves</th>
              </tr>
            </thead>
            <tbody>
              {coverage!.steps.map((step, i) => (
                <tr key={i} className={step.runs === 0 ? 'fail' : ''}>
                  <td>{step.name}</td>
                  <td>{step.runs === 0 ? 'never' : step.runs}</td>
                  <td>
                    {step.leaves.length === 0
                      ? 'not evaluated'
                      : step.leaves.map((leaf, k) => {
                          const gap = leafGap(leaf);
                          return (
                            <span key={k} className="chip" data-gap={gap ?? undefined} title={`seen true ${leaf.t}×, false ${leaf.f}×`}>
                              {leaf.path === '(condition)' ? 'dynamic condition' : chipText(leaf)}
                              {gap ? ` · ${gap.replace('-', ' ')}` : ' ✓'}
                            </span>
                          );
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
