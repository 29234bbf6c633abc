// The session's checks, computed in the worker: the steps against the selected task's starting
// data after every edit (badges, editor markers; debounced so typing stays smooth), and against
// the data at the cursor a moment after the cursor settles (Why, the quiz).
import type { StepCheck } from '../engine/checkSteps.ts';
import type { JsonObject, Workspace } from '../engine/types.ts';
import type { SessionState } from './sessionState.ts';
import { useWorkspace } from './workspaceStore.ts';

interface ChecksHost {
  get(): SessionState;
  update(patch: Partial<SessionState>): void;
  subscribe(listener: (state: SessionState, previous: SessionState) => void): () => void;
  check(workspace: Workspace, data: JsonObject): Promise<StepCheck[]>;
}

export const EDIT_CHECK_DELAY_MS = 120;
const CURSOR_CHECK_DELAY_MS = 60;

/** Starts both kinds of checks; returns what stops them. */
export function startChecks(host: ChecksHost): () => void {
  let editTimer: ReturnType<typeof setTimeout> | undefined;
  let cursorTimer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const recheck = async () => {
    const { workspace, selectedTask } = useWorkspace.getState();
    const mine = ++generation;
    try {
      const checks = await host.check(workspace, workspace.tasks[selectedTask]?.data ?? {});
      if (mine === generation) host.update({ checks, checkError: null });
    } catch (error) {
      if (mine === generation) host.update({ checkError: `Steps could not be checked: ${(error as Error).message}` });
    }
  };

  const recheckCursor = () => {
    const { workspace: ranWith, events, seq, data, checks } = host.get();
    clearTimeout(cursorTimer);
    // Before a run the cursor is on the starting data, which the edit checks already cover.
    if (events.length === 0) return host.update({ cursorChecks: checks, cursorChecksSeq: -1 });
    const workspace = ranWith ?? useWorkspace.getState().workspace;
    cursorTimer = setTimeout(() => {
      host.check(workspace, data).then(
        (checked) => host.get().seq === seq && host.update({ cursorChecks: checked, cursorChecksSeq: seq }),
        () => undefined,
      );
    }, CURSOR_CHECK_DELAY_MS);
  };

  void recheck();
  recheckCursor();
  const stops = [
    useWorkspace.subscribe((state, previous) => {
      if (state.workspace === previous.workspace && state.selectedTask === previous.selectedTask) return;
      clearTimeout(editTimer);
      editTimer = setTimeout(() => void recheck(), EDIT_CHECK_DELAY_MS);
    }),
    host.subscribe((s, p) => {
      if (s.data !== p.data || s.seq !== p.seq || (s.events.length === 0 && s.checks !== p.checks)) recheckCursor();
    }),
  ];
  return () => {
    clearTimeout(editTimer);
    clearTimeout(cursorTimer);
    stops.forEach((stop) => stop());
  };
}
