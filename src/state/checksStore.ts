// Live step badges: every edit re-checks the steps against the selected task's data in the
// worker (Matches / No match / Invalid, with positions for editor markers).
import { create } from 'zustand';
import type { StepCheck } from '../engine/checkSteps.ts';
import { engine } from './runStore.ts';
import { useWorkspace } from './workspaceStore.ts';

export interface ChecksState {
  checks: StepCheck[];
  /** Set when checking itself failed, e.g. a condition that never returns. */
  error: string | null;
}

export const useChecks = create<ChecksState>(() => ({ checks: [], error: null }));

let timer: ReturnType<typeof setTimeout> | null = null;
let generation = 0;

async function recheck(): Promise<void> {
  const { workspace, selectedTask } = useWorkspace.getState();
  const data = workspace.tasks[selectedTask]?.data ?? {};
  const mine = ++generation;
  try {
    const checks = await engine().check(workspace, data);
    if (mine === generation) useChecks.setState({ checks, error: null });
  } catch (error) {
    if (mine === generation) useChecks.setState({ error: `Steps could not be checked: ${(error as Error).message}` });
  }
}

/** Starts re-checking on every workspace or task change, debounced so typing stays smooth. */
export function watchChecks(delayMs = 120): () => void {
  void recheck();
  return useWorkspace.subscribe((state, previous) => {
    if (state.workspace === previous.workspace && state.selectedTask === previous.selectedTask) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void recheck(), delayMs);
  });
}
