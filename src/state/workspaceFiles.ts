// Opening and downloading workspace files from the page (button, or a file dropped anywhere).
import type { Decoded, DecodeRequest } from '../share/decodeInput.ts';
import { decodeOffThread } from '../share/decodeOffThread.ts';
import { traceToFile } from '../share/traceFile.ts';
import { fileNameFor, workspaceToFile } from '../share/workspaceFile.ts';
import { encodeShareHash, LONG_LINK } from '../share/shareLink.ts';
import { folderName, workspaceToZip } from '../share/stepZip.ts';
import { selectTask, setNotice, useWorkspace } from './workspaceStore.ts';
import { replaceWith } from './workspaceSaves.ts';
import { parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';
import { sessionState } from './currentSession.ts';
import { loadTrace } from './runCommands.ts';
import { restoreBranches, savedBranches } from './branches.ts';

/** Opens what was picked or dropped: a workspace or trace (.json), a step folder (.zip), or step files (.js). */
export async function openFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const zip = files.length === 1 && files[0].name.toLowerCase().endsWith('.zip');
  const stepFiles = !zip && files.some((f) => f.name.endsWith('.js'));
  if (!zip && !stepFiles) return openWorkspaceFile(files[0]);
  try {
    const request: DecodeRequest = zip
      ? { kind: 'zip', file: files[0] }
      : { kind: 'step-files', files, name: files.length === 1 ? files[0].name.replace(/\.js$/, '') : 'Imported steps' };
    const decoded = await decodeOffThread(request);
    if (decoded.kind !== 'workspace') return;
    const { workspace } = decoded;
    const count = `${workspace.steps.length} step${workspace.steps.length === 1 ? '' : 's'}`;
    const from = zip ? ` from ${files[0].name}` : '';
    await replaceWith(workspace, `Imported ${count}${from}.`, `Opened “${workspace.name}”${from}`);
  } catch (error) {
    setNotice(`${(error as Error).message}. Your workspace was not changed.`);
  }
}

/** File ▸ New workspace: an empty one; the current one stays in Recent. */
export function newWorkspace(): Promise<void> {
  return replaceWith(parseWorkspace({ name: 'Untitled workspace', steps: [] }), null, 'Started a new workspace');
}

/** Files from a drop, walking into dropped folders. */
export async function filesFromDrop(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0 || entries.every((e) => e.isFile)) return [...data.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const children = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      for (const child of children) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

export function downloadStepFolder(): void {
  const { workspace } = useWorkspace.getState();
  const bytes = workspaceToZip(workspace);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `${folderName(workspace)}.zip` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Puts the workspace in the address bar as a share link and copies it. */
export async function copyShareLink(): Promise<void> {
  const hash = encodeShareHash(useWorkspace.getState().workspace);
  const url = `${location.origin}${location.pathname}${hash}`;
  history.replaceState(null, '', hash);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // Clipboard access can be refused; the link is still in the address bar.
  }
  const where = copied ? 'Link copied' : 'The link is in the address bar';
  const long =
    url.length > LONG_LINK
      ? ` It is ${url.length.toLocaleString('en-US')} characters long: some chat tools cut links over about 8,000 characters, so a workspace file may travel better.`
      : ` (${url.length.toLocaleString('en-US')} characters).`;
  setNotice(`${where}.${long}`);
}

/** Opens a workspace file or a trace file; a bad file leaves everything as it was. */
export async function openWorkspaceFile(file: File): Promise<void> {
  let decoded: Decoded;
  try {
    decoded = await decodeOffThread({ kind: 'file', file });
  } catch (error) {
    setNotice(`${(error as Error).message.replace(/[.;]? ?Your workspace was not changed\.?$/, '')}. Your workspace was not changed.`);
    return;
  }
  if (decoded.kind === 'trace') {
    const { trace } = decoded;
    await replaceWith(trace.workspace, `Replaying the trace in ${file.name}: nothing was run again.`, `Opened the trace in ${file.name}`);
    selectTask(
      Math.max(
        0,
        trace.workspace.tasks.findIndex((t) => t.name === trace.task),
      ),
    );
    if (trace.branches && trace.active !== undefined) restoreBranches(trace.branches, trace.active);
    loadTrace(trace.workspace, trace.events);
    return;
  }
  await replaceWith(decoded.workspace, null, `Opened “${decoded.workspace.name}” from ${file.name}`);
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the current run (with its workspace) as a trace file, with every what-if branch if there are any. */
export function downloadTrace(): void {
  const { events, workspace } = sessionState();
  const { workspace: current, selectedTask } = useWorkspace.getState();
  const ws = workspace ?? current;
  const taskName = ws.tasks[selectedTask]?.name ?? ws.tasks[0].name;
  download(fileNameFor(ws).replace('.steplab.json', '.trace.json'), traceToFile(ws, taskName, events, savedBranches()));
}

export function downloadWorkspace(): void {
  const { workspace } = useWorkspace.getState();
  download(fileNameFor(workspace), workspaceToFile(workspace));
}

export function embedSnippet(origin: string, path: string, hash: string, title: string): string {
  const safeTitle = title.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<iframe src="${origin}${path}?embed${hash}" title="Steplab: ${safeTitle}" width="800" height="480" style="border:1px solid #ccc;border-radius:8px" loading="lazy"></iframe>`;
}

/** The embed snippet for `workspace` on this site. */
export const embedSnippetFor = (workspace: Workspace) => embedSnippet(location.origin, location.pathname, encodeShareHash(workspace), workspace.name);
