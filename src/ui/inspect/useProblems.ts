// The workspace's problems (state/problems.ts), recomputed only when one of their sources changes.
import { useMemo } from 'react';
import { useChecks } from '../../state/checksStore.ts';
import { listProblems, type Problem } from '../../state/problems.ts';
import { useRun } from '../../state/runStore.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';

export function useProblems(): Problem[] {
  const workspace = useWorkspace((s) => s.workspace);
  const jsonErrors = useWorkspace((s) => s.jsonErrors);
  const checks = useChecks((s) => s.checks);
  const checkError = useChecks((s) => s.error);
  const events = useRun((s) => s.events);
  const runWorkspace = useRun((s) => s.workspace);
  return useMemo(
    () => listProblems({ workspace, checks, checkError, jsonErrors, events, runWorkspace }),
    [workspace, checks, checkError, jsonErrors, events, runWorkspace],
  );
}
