// What-if branches: fork a run at the cursor with edited data (and the current step code), run
// it, switch between branches, and compare two of them. Forking follows ALOMA's "clone a task
// from a history step": the new task starts from that data with every step armed again.
import { create } from 'zustand';
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import { session } from './currentSession.ts';
import { loadTrace, resetRun, setStartPoint } from './runCommands.ts';
import type { StartPoint } from './session.ts';
import type { TraceBranch } from '../share/traceFile.ts';

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

/** Where a branch's runs start: its edited data, on the clock from where it was forked. */
export function startPointOf(branch: Pick<Branch, 'startData' | 'forkedAt'>): StartPoint | undefined {
  if (!branch.startData && !branch.forkedAt) return undefined;
  return { data: branch.startData, at: branch.forkedAt?.t ?? 0 };
}

/** Adds a branch forked from `parent` and makes it active; pure, for tests and the store. */
export function forkBranch(state: BranchesState, parent: number, forkedAt: Branch['forkedAt'], startData: JsonObject): BranchesState {
  const id = Math.max(...state.branches.map((b) => b.id)) + 1;
  const parentName = state.branches.find((b) => b.id === parent)?.name ?? 'main';
  const at = forkedAt ? ` at t = ${(forkedAt.t / 1000).toFixed(3)} s` : '';
  const branch: Branch = { id, name: `branch ${id} (from ${parentName}${at})`, parent, forkedAt, startData, workspace: null, events: [] };
  return { branches: [...state.branches, branch], active: id };
}

/** Forks the active run at the cursor with `data` (already edited), and runs the new branch. */
export const forkAndRun = (seq: number, t: number, data: JsonObject): Promise<void> => session().fork(seq, t, data);

export function switchBranch(id: number): void {
  const branch = useBranches.getState().branches.find((b) => b.id === id);
  if (!branch) return;
  useBranches.setState({ active: id });
  setStartPoint(startPointOf(branch));
  if (branch.workspace && branch.events.length > 0) loadTrace(branch.workspace, branch.events);
  else resetRun();
}

/** A fresh start: one empty main branch (used when another workspace is opened). */
export function clearBranches(): void {
  setStartPoint(undefined);
  useBranches.setState({ branches: [{ id: 1, name: 'main', parent: null, forkedAt: null, startData: undefined, workspace: null, events: [] }], active: 1 });
}

/** The branches as a trace file keeps them (branches not yet run keep no workspace or events). */
export function savedBranches(): { list: TraceBranch[]; active: number } {
  const { branches, active } = useBranches.getState();
  const list = branches.map(({ startData, ...b }) => ({ ...b, ...(startData ? { startData } : {}) }));
  return { list, active };
}

/** Puts back the branches a trace file held; the caller shows the active one's run. */
export function restoreBranches(list: TraceBranch[], active: number): void {
  const branches: Branch[] = list.map((b) => ({ ...b, startData: b.startData }));
  useBranches.setState({ branches, active });
  setStartPoint(startPointOf(branches.find((b) => b.id === active)!));
}
