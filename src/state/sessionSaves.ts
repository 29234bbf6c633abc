// Runs, branches and edited fork data survive a reload. Runs are deterministic, so what is
// saved is their inputs (workspace as run, task, start data), and they are run again on load.
// A run with data edited while paused can't be re-derived from its inputs: its trace is kept.
import type { JsonObject, TraceEvent, Workspace } from '../engine/types.ts';
import { startPointOf, useBranches, type Branch } from './branches.ts';
import { useWorkspace } from './workspaceStore.ts';
import { sessionKey, type Backend } from './savedStore.ts';
import { sessionState } from './currentSession.ts';
import { loadTrace, rerun, resetRun, setCursor, setStartPoint } from './runCommands.ts';

interface SavedBranch {
  id: number;
  name: string;
  parent: number | null;
  forkedAt: Branch['forkedAt'];
  startData: JsonObject | undefined;
  /** The workspace as it ran; null when the branch has no run. */
  workspace: Workspace | null;
  events?: TraceEvent[];
}

export interface SavedSession {
  task: string | undefined;
  active: number;
  cursor: number;
  branches: SavedBranch[];
}

let restoring = false;

/** What to keep of this tab's runs and branches; null while a run is still going. */
export function snapshotSession(): SavedSession | null {
  const run = sessionState();
  if (run.phase === 'running') return null;
  const { branches, active } = useBranches.getState();
  const { workspace, selectedTask } = useWorkspace.getState();
  return {
    task: workspace.tasks[selectedTask]?.name,
    active,
    cursor: run.cursor,
    branches: branches.map((b) => {
      const events = b.id === active ? run.events : b.events;
      const ran = b.id === active ? run.workspace : b.workspace;
      const edited = events.some((e) => e.kind === 'data-edited');
      return {
        id: b.id,
        name: b.name,
        parent: b.parent,
        forkedAt: b.forkedAt,
        startData: b.startData,
        workspace: events.length > 0 ? ran : null,
        ...(edited ? { events } : {}),
      };
    }),
  };
}

export async function saveSession(backend: Backend, id: string): Promise<void> {
  if (restoring) return;
  const session = snapshotSession();
  if (session) await backend.set(sessionKey(id), session);
}

/** Runs each saved branch again and shows the one that was active, at its cursor. */
export async function restoreSession(backend: Backend, id: string): Promise<void> {
  const session = await backend.get<SavedSession>(sessionKey(id)).catch(() => undefined);
  if (!session || session.branches.length === 0) return;
  restoring = true;
  try {
    const { tasks } = useWorkspace.getState().workspace;
    const taskIndex = tasks.findIndex((t) => t.name === session.task);
    if (taskIndex >= 0) useWorkspace.setState({ selectedTask: taskIndex });
    const restored: Branch[] = [];
    for (const b of session.branches) {
      let events: TraceEvent[] = b.events ?? [];
      if (b.workspace && !b.events) {
        await rerun(b.workspace, session.task, startPointOf(b));
        events = sessionState().events;
      }
      restored.push({ ...b, events });
    }
    useBranches.setState({ branches: restored, active: session.active });
    const shown = restored.find((b) => b.id === session.active);
    setStartPoint(shown && startPointOf(shown));
    if (shown?.workspace && shown.events.length > 0) {
      loadTrace(shown.workspace, shown.events);
      setCursor(session.cursor);
    } else resetRun();
  } finally {
    restoring = false;
  }
}
