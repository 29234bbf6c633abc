// Opening and downloading workspace files from the page (button, or a file dropped anywhere).
import { isTraceDocument, traceFromDocument, traceToFile } from '../../share/traceFile.ts';
import { fileNameFor, workspaceFromFile, workspaceToFile } from '../../share/workspaceFile.ts';
import { loadTrace, resetRun, useRun } from '../../state/runStore.ts';
import { clearBranches } from '../../state/branches.ts';
import { loadWorkspace, selectTask, setNotice, useWorkspace } from '../../state/workspaceStore.ts';

/** Opens a workspace file or a trace file; a bad file leaves everything as it was. */
export async function openWorkspaceFile(file: File): Promise<void> {
  try {
    const text = await file.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // workspaceFromFile reports the JSON error with the file name.
    }
    if (isTraceDocument(parsed)) {
      const trace = traceFromDocument(parsed, file.name);
      clearBranches();
      loadWorkspace(trace.workspace, `Replaying the trace in ${file.name}: nothing was run again.`);
      selectTask(Math.max(0, trace.workspace.tasks.findIndex((t) => t.name === trace.task)));
      loadTrace(trace.workspace, trace.events);
      return;
    }
    const workspace = workspaceFromFile(text, file.name);
    resetRun();
    clearBranches();
    loadWorkspace(workspace, null);
  } catch (error) {
    setNotice(`${(error as Error).message}`);
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the current run (with its workspace) as a trace file. */
export function downloadTrace(): void {
  const { events, workspace } = useRun.getState();
  const { workspace: current, selectedTask } = useWorkspace.getState();
  const ws = workspace ?? current;
  const taskName = ws.tasks[selectedTask]?.name ?? ws.tasks[0].name;
  download(fileNameFor(ws).replace('.steplab.json', '.trace.json'), traceToFile(ws, taskName, events));
}

export function downloadWorkspace(): void {
  const { workspace } = useWorkspace.getState();
  download(fileNameFor(workspace), workspaceToFile(workspace));
}
