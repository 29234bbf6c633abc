// Opening and downloading workspace files from the page (button, or a file dropped anywhere).
import { fileNameFor, workspaceFromFile, workspaceToFile } from '../../share/workspaceFile.ts';
import { resetRun } from '../../state/runStore.ts';
import { loadWorkspace, setNotice, useWorkspace } from '../../state/workspaceStore.ts';

export async function openWorkspaceFile(file: File): Promise<void> {
  try {
    const workspace = workspaceFromFile(await file.text(), file.name);
    resetRun();
    loadWorkspace(workspace, null);
  } catch (error) {
    setNotice((error as Error).message);
  }
}

export function downloadWorkspace(): void {
  const { workspace } = useWorkspace.getState();
  const url = URL.createObjectURL(new Blob([workspaceToFile(workspace)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileNameFor(workspace) });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
