// Plain-language reason a task stopped without finishing, from the checks of its final data.
import type { StepCheck } from './checkSteps.ts';

/**
 * Why a task ended `incomplete`: a step that still matches but already ran (no redo), or the
 * step closest to matching, with the leaves that fail.
 */
export function incompleteReason(checks: readonly StepCheck[], names: readonly string[], enabled: readonly boolean[]): string {
  const candidates = checks.map((check, i) => ({ check, i })).filter(({ check, i }) => check?.valid && enabled[i]);
  const stillMatching = candidates.filter(({ check }) => check.match);
  if (stillMatching.length > 0) {
    return `No step can run: ${stillMatching.map(({ i }) => `‘${names[i]}’`).join(', ')} still match${stillMatching.length === 1 ? 'es' : ''} but already ran without step.redo().`;
  }
  const scored = candidates
    .map(({ check, i }) => ({ i, failing: check.leaves.filter((leaf) => !leaf.pass) }))
    .filter(({ failing }) => failing.length > 0)
    .sort((a, b) => a.failing.length - b.failing.length || a.i - b.i);
  if (scored.length === 0) return 'No step matches the data.';
  const { i, failing } = scored[0];
  const paths = failing.map((leaf) => `${leaf.path}`).join(', ');
  return `No step matches the data. Closest: ‘${names[i]}’ (${failing.length} ${failing.length === 1 ? 'leaf fails' : 'leaves fail'}: ${paths}).`;
}
