// Pure answers for the debugger: why a step did or did not run at the cursor, what a step
// changed, and the history of one path.
import type { StepCheck } from '../engine/checkSteps.ts';
import { describeValue } from '../engine/describeValue.ts';
import { formatPath, getAt } from '../engine/paths.ts';
import type { DataIndex } from '../engine/traceFold.ts';
import type { Json, TraceEvent } from '../engine/types.ts';
import type { Frame } from './replay.ts';

const quote = (value: unknown) => (value === undefined ? 'missing' : describeValue(value, 60));

/** One sentence: why step `i` runs, waits, or does not match at the cursor. */
/** `quizAsking`: the quiz asks which step runs next, so a ready step's verdict must not tell. */
export function verdictFor(i: number, names: readonly string[], enabled: boolean, check: StepCheck | undefined, frame: Frame, quizAsking = false): string {
  if (!check) return 'Checking…';
  if (!check.valid) {
    const where = check.error?.line ? ` (line ${check.error.line}:${check.error.column})` : '';
    return `Invalid${where}: ${check.error?.message ?? 'the step cannot be loaded'}. It never runs.`;
  }
  if (!enabled) return 'Disabled: switched off by the author, so it never runs.';
  if (frame.run?.step === i) {
    const outcome = frame.run.failed ? 'ran here and failed' : 'ran here';
    return `Matched and ${outcome}${check.match ? '.' : '; after its changes it no longer matches.'}`;
  }
  if (!check.match) {
    const failing = check.leaves.filter((leaf) => !leaf.pass);
    const shown = failing.slice(0, 3).map((leaf) => `\`${leaf.path}\` expected ${leaf.expected}, actual ${quote(leaf.actual)}`);
    const more = failing.length > 3 ? `, and ${failing.length - 3} more` : '';
    return `No match: ${failing.length} of ${check.leaves.length} ${check.leaves.length === 1 ? 'leaf fails' : 'leaves fail'}: ${shown.join('; ')}${more}.`;
  }
  if (quizAsking && frame.ready.includes(i)) return 'Matched; it could run next. Which step runs is the quiz’s question.';
  if (frame.ready[0] === i) return 'Matched; runs next.';
  if (frame.ready.includes(i)) return `Matched; waits behind ‘${names[frame.ready[0]]}’ (earlier in the list).`;
  return 'Matched, but already ran (no redo).';
}

export interface DiffEntry {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: Json;
  after?: Json;
}

const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object';

/** Every added, removed and changed leaf path between two JSON values (arrays compared by index). */
export function diffData(before: Json | undefined, after: Json | undefined, path: string[] = []): DiffEntry[] {
  if (before === after) return [];
  const at = formatPath(path);
  if (before === undefined) return [{ path: at, kind: 'added', after }];
  if (after === undefined) return [{ path: at, kind: 'removed', before }];
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffData(before[key], after[key], [...path, key]));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: at, kind: 'changed', before, after }];
}

export interface HistoryEntry {
  seq: number;
  t: number;
  task: string;
  step: number | null;
  cause: 'step' | 'subtask' | 'edit';
  before: Json | undefined;
  after: Json | undefined;
}

const touches = (patchPath: readonly (string | number)[], path: readonly string[]) => {
  const n = Math.min(patchPath.length, path.length);
  for (let i = 0; i < n; i++) if (String(patchPath[i]) !== path[i]) return false;
  return true;
};

/** Every change to one dot path in a task, with its old and new value. */
export function pathHistory(events: readonly TraceEvent[], index: DataIndex, task: string, dotPath: string): HistoryEntry[] {
  const path = dotPath.split('.');
  const out: HistoryEntry[] = [];
  for (const e of events) {
    if (e.task !== task) continue;
    if (e.kind !== 'step-finished' && e.kind !== 'subtask-ended' && e.kind !== 'data-edited') continue;
    if (!e.patches.some((p) => touches(p.path, path))) continue;
    const before = getAt(index.dataAt(task, e.seq - 1), path) as Json | undefined;
    const after = getAt(index.dataAt(task, e.seq), path) as Json | undefined;
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    const cause = e.kind === 'step-finished' ? 'step' : e.kind === 'subtask-ended' ? 'subtask' : 'edit';
    out.push({ seq: e.seq, t: e.t, task, step: e.kind === 'step-finished' ? e.step : null, cause, before, after });
  }
  return out;
}
