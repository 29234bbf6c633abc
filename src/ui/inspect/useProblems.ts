// The workspace's problems (state/problems.ts), recomputed only when one of their sources changes.
import { useMemo } from 'react';
import { listProblems, type Problem } from '../../state/problems.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import { useSession } from '../../state/currentSession.ts';

export function useProblems(): Problem[] {
  const workspace = useWorkspace((s) => s.workspace);
  const jsonErrors = useWorkspace((s) => s.jsonErrors);
  const checks = useSession((s) => s.checks);
  const checkError = useSession((s) => s.checkError);
  const events = useSession((s) => s.events);
  const runWorkspace = useSession((s) => s.workspace);
  return useMemo(
    () => listProblems({ workspace, checks, checkError, jsonErrors, events, runWorkspace }),
    [workspace, checks, checkError, jsonErrors, events, runWorkspace],
  );
}
