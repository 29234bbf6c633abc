// A step's live verdict for the selected task's data.
import type { StepCheck } from '../../engine/checkSteps.ts';
import { Glyph } from '../app/Glyph.tsx';

export function StepBadge({ enabled, check }: { enabled: boolean; check: StepCheck | undefined }) {
  if (!check) return <span className="badge nomatch">…</span>;
  if (!check.valid) {
    const where = check.error?.line ? ` (line ${check.error.line})` : '';
    return (
      <span className="badge invalid" data-badge="invalid" title={check.error?.message}>
        <Glyph>⚠</Glyph> Invalid{where}
      </span>
    );
  }
  const thrown = check.leaves.find((l) => l.path === '(condition)' && !l.pass);
  if (thrown) {
    return (
      <span className="badge invalid" data-badge="condition-error" title={`The condition threw: ${String(thrown.actual)}`}>
        <Glyph>⚠</Glyph> Condition error
      </span>
    );
  }
  if (!enabled)
    return (
      <span className="badge disabled" data-badge="disabled">
        <Glyph>⊘</Glyph> Off
      </span>
    );
  return check.match ? (
    <span className="badge matches" data-badge="matches" title="Matches the task’s starting data">
      <Glyph>●</Glyph> Matches
    </span>
  ) : (
    <span className="badge nomatch" data-badge="nomatch" title={`No match on the task’s starting data:\n${failingSummary(check)}`}>
      <Glyph>○</Glyph> No match
    </span>
  );
}

function failingSummary(check: StepCheck): string {
  const failing = check.leaves.filter((l) => !l.pass);
  return failing.map((l) => `${l.path}: expected ${l.expected}, actual ${JSON.stringify(l.actual) ?? 'missing'}`).join('\n');
}
