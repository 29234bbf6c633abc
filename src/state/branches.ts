// What-if branches: fork a run at the cursor with edited data (and the current step code), run
// it, switch between branches, and compare two of them. Forking follows ALOMA's "clone a task
// from a history step": the new task starts from that data with every step armed again.
import { create } from 'zustand';
import { dataIndexOf } from '../engine/traceFold.ts';
import type { Json, JsonObject, TaskStatus, TraceEvent, Workspace } from '../engine/types.ts';
import { diffData, type DiffEntry } from './inspect.ts';
import { ROOT } from './replay.ts';
import { session } from './currentSession.ts';
import { loadTrace, resetRun, setStartData } from './runCommands.ts';

export interface Branch {
  id: number;
  name: string;
  parent: number | null;
  /** Where it was forked from: the parent's event and its virtual time. */
  forkedAt: { seq: number; t: number } | null;
  startData: JsonObject | undefined;
  workspace: Workspace | null;
  events: TraceEvent[];
}

export interface BranchesState {
  branches: Branch[];
  active: number;
}

export const useBranches = create<BranchesState>(() => ({
  branches: [{ id: 1, name: 'main', parent: null, forkedAt: null, startData: undefined, workspace: null, events: [] }],
  active: 1,
}));

/** Adds a branch forked from `parent` and makes it active; pure, for tests and the store. */
export function forkBranch(state: BranchesState, parent: number, forkedAt: Branch['forkedAt'], startData: JsonObject): BranchesState {
  const id = Math.max(...state.branches.map((b) => b.id)) + 1;
  const parentName = state.branches.find((b) => b.id === parent)?.name ?? 'main';
  const at = forkedAt ? ` at t = ${(forkedAt.t / 1000).toFixed(3)} s` : '';
  const branch: Branch = { id, name: `branch ${id} (from ${parentName}${at})`, parent, forkedAt, startData, workspace: null, events: [] };
  return { branches: [...state.branches, branch], active: id };
}

export interface Comparison {
  ranA: string[];
  ranB: string[];
  /** Index of the first step run that differs, or null when both ran the same steps. */
  firstDifference: number | null;
  statusA: TaskStatus | null;
  statusB: TaskStatus | null;
  data: DiffEntry[];
}

export function compareBranches(a: Branch, b: Branch): Comparison {
  const ran = (branch: Branch) => {
    const names = (branch.workspace?.steps ?? []).map((s) => s.name);
    return branch.events.flatMap((e) => (e.kind === 'step-started' && e.task === ROOT ? [names[e.step] ?? `#${e.step}`] : []));
  };
  const status = (branch: Branch) => {
    const end = branch.events.findLast((e) => e.kind === 'task-ended' && e.task === ROOT);
    return end?.kind === 'task-ended' ? end.status : null;
  };
  const finalData = (branch: Branch): Json | undefined => {
    const last = branch.events[branch.events.length - 1];
    return last ? (dataIndexOf(branch.events).dataAt(ROOT, last.seq) as Json) : undefined;
  };
  const ranA = ran(a);
  const ranB = ran(b);
  let firstDifference: number | null = null;
  for (let i = 0; i < Math.max(ranA.length, ranB.length); i++) {
    if (ranA[i] !== ranB[i]) {
      firstDifference = i;
      break;
    }
  }
  return { ranA, ranB, firstDifference, statusA: status(a), statusB: status(b), data: diffData(finalData(a), finalData(b)) };
}

// ---- store actions ----

/** Forks the active run at the cursor with `data` (already edited), and runs the new branch. */
export const forkAndRun = (seq: number, t: number, data: JsonObject): Promise<void> => session().fork(seq, t, data);

export function switchBranch(id: number): void {
  const branch = useBranches.getState().branches.find((b) => b.id === id);
  if (!branch) return;
  useBranches.setState({ active: id });
  setStartData(branch.startData);
  if (branch.workspace && branch.events.length > 0) loadTrace(branch.workspace, branch.events);
  else resetRun();
}

/** A fresh start: one empty main branch (used when another workspace is opened). */
export function clearBranches(): void {
  setStartData(undefined);
  useBranches.setState({ branches: [{ id: 1, name: 'main', parent: null, forkedAt: null, startData: undefined, workspace: null, events: [] }], active: 1 });
}
