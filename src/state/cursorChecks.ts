// Step checks against the data at the replay cursor (the Why panel's leaves), computed in the
// worker a moment after the cursor settles.
import { create } from 'zustand';
import type { StepCheck } from '../engine/checkSteps.ts';
import { useChecks } from './checksStore.ts';
import { useFrame } from './frameStore.ts';
import { engine, useRun } from './runStore.ts';
import { useWorkspace } from './workspaceStore.ts';

export const useCursorChecks = create<{ checks: StepCheck[]; seq: number }>(() => ({ checks: [], seq: -2 }));

let timer: ReturnType<typeof setTimeout> | null = null;

function refresh(): void {
  const { workspace: ranWith, events } = useRun.getState();
  if (events.length === 0) {
    useCursorChecks.setState({ checks: useChecks.getState().checks, seq: -1 });
    return;
  }
  const { seq, data } = useFrame.getState();
  const workspace = ranWith ?? useWorkspace.getState().workspace;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    void engine()
      .check(workspace, data)
      .then((checks) => {
        if (useFrame.getState().seq === seq) useCursorChecks.setState({ checks, seq });
      })
      .catch(() => undefined);
  }, 60);
}

/** Re-checks whenever the cursor's data or the run changes. */
export function watchCursorChecks(): () => void {
  refresh();
  const stops = [
    useFrame.subscribe((s, prev) => (s.data !== prev.data || s.seq !== prev.seq) && refresh()),
    useChecks.subscribe(() => useRun.getState().events.length === 0 && refresh()),
  ];
  return () => stops.forEach((stop) => stop());
}
