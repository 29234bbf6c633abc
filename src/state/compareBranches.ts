// Compares two branches' root-task step runs, lined up by virtual time and step name: runs at
// the same time are matched in order of their names (a longest common subsequence), so a branch
// that ran one extra step does not shift every later row. A fork's clock goes on from its fork
// point, so the parent's runs up to the fork line up against nothing, on purpose: they are marked
// as before the fork, and the first real difference is the first row after it that does not match.
import { dataIndexOf } from '../engine/traceFold.ts';
import type { Json, TaskStatus, TraceEvent } from '../engine/types.ts';
import type { Branch } from './branches.ts';
import { diffData, type DiffEntry } from './inspect.ts';
import { ROOT } from './replay.ts';

export interface AlignedRun {
  t: number;
  /** The step each branch ran at this time, or null where it ran none to match. */
  a: string | null;
  b: string | null;
  /** Ran by the parent before the other branch was forked from it: not a difference. */
  beforeFork: boolean;
}

export interface Comparison {
  rows: AlignedRun[];
  /** Index into `rows` of the first real difference, or null when the runs agree. */
  firstDifference: number | null;
  statusA: TaskStatus | null;
  statusB: TaskStatus | null;
  data: DiffEntry[];
}

type StepRun = { t: number; seq: number; name: string };

function rootRuns(branch: Branch): StepRun[] {
  const names = (branch.workspace?.steps ?? []).map((s) => s.name);
  return branch.events.flatMap((e) => (e.kind === 'step-started' && e.task === ROOT ? [{ t: e.t, seq: e.seq, name: names[e.step] ?? `#${e.step}` }] : []));
}

const statusOf = (events: TraceEvent[]) => {
  const end = events.findLast((e) => e.kind === 'task-ended' && e.task === ROOT);
  return end?.kind === 'task-ended' ? end.status : null;
};

function finalData(branch: Branch): Json | undefined {
  const last = branch.events[branch.events.length - 1];
  return last ? (dataIndexOf(branch.events).dataAt(ROOT, last.seq) as Json) : undefined;
}

/** Above this many cells the LCS table costs too much (5,000 runs at one time would be 25 million). */
const MAX_LCS_CELLS = 250_000;

/**
 * Lines up two runs made at the same virtual time by their names (LCS); the rest stand alone.
 * Groups too big for that are lined up in order, pairing equal names where they meet.
 */
function alignGroup(t: number, a: StepRun[], b: StepRun[]): { t: number; a: StepRun | null; b: StepRun | null }[] {
  type Row = { t: number; a: StepRun | null; b: StepRun | null };
  if (a.length * b.length > MAX_LCS_CELLS) {
    const rows: Row[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const [ra, rb] = [a[i] ?? null, b[i] ?? null];
      if (ra && rb && ra.name !== rb.name) rows.push({ t, a: ra, b: null }, { t, a: null, b: rb });
      else rows.push({ t, a: ra, b: rb });
    }
    return rows;
  }
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i].name === b[j].name ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const rows: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i].name === b[j].name) rows.push({ t, a: a[i++], b: b[j++] });
    else if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) rows.push({ t, a: a[i++], b: null });
    else rows.push({ t, a: null, b: b[j++] });
  }
  return rows;
}

const groupByTime = (runs: StepRun[]) => {
  const groups = new Map<number, StepRun[]>();
  for (const r of runs) groups.set(r.t, [...(groups.get(r.t) ?? []), r]);
  return groups;
};

export function compareBranches(a: Branch, b: Branch): Comparison {
  const [runsA, runsB] = [groupByTime(rootRuns(a)), groupByTime(rootRuns(b))];
  const times = [...new Set([...runsA.keys(), ...runsB.keys()])].sort((x, y) => x - y);
  const aligned = times.flatMap((t) => alignGroup(t, runsA.get(t) ?? [], runsB.get(t) ?? []));
  // Runs of the parent up to the fork event are history the fork starts from, not a difference.
  const forkOfB = b.parent === a.id ? b.forkedAt : null;
  const forkOfA = a.parent === b.id ? a.forkedAt : null;
  const rows: AlignedRun[] = aligned.map(({ t, a: ra, b: rb }) => ({
    t,
    a: ra?.name ?? null,
    b: rb?.name ?? null,
    beforeFork: (!!ra && !rb && !!forkOfB && ra.seq <= forkOfB.seq) || (!!rb && !ra && !!forkOfA && rb.seq <= forkOfA.seq),
  }));
  const first = rows.findIndex((r) => !r.beforeFork && r.a !== r.b);
  return {
    rows,
    firstDifference: first < 0 ? null : first,
    statusA: statusOf(a.events),
    statusB: statusOf(b.events),
    data: diffData(finalData(a), finalData(b)),
  };
}
