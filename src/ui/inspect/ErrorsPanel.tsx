// Every problem in the workspace, like the TypeScript Playground's Errors tab: where it is (a
// step, Task data, Connectors, Config or the lesson), its line and column, and the message.
// Choosing one opens it there, with the caret on the spot.
import { openProblem, type Problem } from '../../state/problems.ts';
import { Glyph } from '../app/Glyph.tsx';

const KIND: Record<Problem['kind'], string> = { step: 'invalid step', json: 'JSON', condition: 'condition error', lesson: 'lesson' };

function position(problem: Problem): string {
  if (problem.stop) return problem.stop;
  return problem.line ? `Ln ${problem.line}, Col ${problem.column ?? 1}` : '';
}

function ProblemRow({ problem }: { problem: Problem }) {
  const where = position(problem);
  const body = (
    <>
      <Glyph>⚠</Glyph>
      <span className="problem-place">{problem.place}</span>
      {where && <span className="problem-position mono">{where}</span>}
      <span className="problem-kind muted">{KIND[problem.kind]}</span>
      <span className="problem-message mono">{problem.message}</span>
    </>
  );
  return (
    <li data-testid="problem" data-kind={problem.kind}>
      {problem.tab ? (
        <button className="problem" onClick={() => openProblem(problem)} title={`Open ${problem.place}${where ? ` at ${where}` : ''}`}>
          {body}
        </button>
      ) : (
        <div className="problem">{body}</div>
      )}
    </li>
  );
}

export function ErrorsPanel({ problems }: { problems: Problem[] }) {
  if (problems.length === 0)
    return (
      <p className="empty" data-testid="no-problems">
        No problems.
      </p>
    );
  return (
    <ul className="problems" aria-label="Problems in the workspace">
      {problems.map((problem) => (
        <ProblemRow key={problem.key} problem={problem} />
      ))}
    </ul>
  );
}
