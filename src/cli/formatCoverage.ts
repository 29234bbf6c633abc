// The coverage table `steplab test --coverage` prints: per step, its runs and each condition
// leaf's verdicts (✓ seen true and false, T only true, F only false, · never evaluated).
import { summarizeCoverage, type Coverage } from '../engine/coverage.ts';

export function formatCoverage(coverage: Coverage): string {
  const summary = summarizeCoverage(coverage);
  const width = Math.min(40, Math.max(4, ...coverage.steps.map((s) => s.name.length)));
  const lines = [`${'step'.padEnd(width)}  runs  leaves (✓ both · T only true · F only false · - never evaluated)`];
  for (const step of coverage.steps) {
    const leaves = step.leaves.map((l) => `${l.t && l.f ? '✓' : l.t ? 'T' : l.f ? 'F' : '-'} ${l.path}${l.via ? ` (${l.via})` : ''}`).join(', ');
    lines.push(`${step.name.slice(0, width).padEnd(width)}  ${String(step.runs).padStart(4)}  ${leaves || '(not evaluated)'}`);
  }
  const statuses = Object.entries(coverage.statuses)
    .map(([status, n]) => `${status} ×${n}`)
    .join(', ');
  lines.push(
    '',
    `steps run: ${summary.stepsRun}/${summary.steps}${summary.neverRun.length ? ` (never: ${summary.neverRun.join(', ')})` : ''}`,
    `leaves seen true and false: ${summary.leavesBoth}/${summary.leaves}`,
    `end statuses: ${statuses || 'none'}`,
  );
  return `${lines.join('\n')}\n`;
}
