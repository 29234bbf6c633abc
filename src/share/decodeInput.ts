// Everything a person opens, decoded in one place with every bound checked: share links,
// workspace and trace files, step-folder ZIPs and loose step files. Runs in the decode worker
// (decodeOffThread.ts), so a hostile input costs that worker, never the page.
import { createDataIndex } from '../engine/traceFold.ts';
import { isTraceEvent } from '../engine/traceShape.ts';
import type { TraceEvent, Workspace } from '../engine/types.ts';
import { decodeShareHash } from './shareLink.ts';
import { checkDepth, checkFileSize, checkStepCount } from './inputLimits.ts';
import { workspaceFromFolder } from './stepFolder.ts';
import { workspaceFromZip } from './stepZip.ts';
import { isTraceDocument, traceFromDocument, type TraceFile } from './traceFile.ts';
import { workspaceFromFile, workspaceFromParsed } from './workspaceFile.ts';

/** A file as both the browser's File and a test's stand-in provide it. */
export interface InputFile {
  name: string;
  size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type DecodeRequest =
  | { kind: 'link'; hash: string }
  | { kind: 'file'; file: InputFile }
  | { kind: 'zip'; file: InputFile }
  | { kind: 'step-files'; files: InputFile[]; name: string };

export type Decoded = { kind: 'workspace'; workspace: Workspace; source: string } | { kind: 'trace'; trace: TraceFile; source: string };

export async function decodeInput(request: DecodeRequest): Promise<Decoded> {
  switch (request.kind) {
    case 'link':
      return { kind: 'workspace', workspace: checked(decodeShareHash(request.hash), 'the link'), source: 'a shared link' };
    case 'file':
      return decodeFile(request.file);
    case 'zip':
      return { kind: 'workspace', workspace: await decodeZip(request.file), source: request.file.name };
    case 'step-files':
      return { kind: 'workspace', workspace: await decodeStepFiles(request.files, request.name), source: request.name };
  }
}

/** The bounds parseWorkspace does not know: step count and nesting. */
function checked(workspace: Workspace, name: string): Workspace {
  checkStepCount(workspace.steps.length, name);
  workspace.tasks.forEach((task, i) => checkDepth(task.data, `${name}: tasks[${i}] “${task.name}” data`));
  checkDepth(workspace.connectors, `${name}: connectors`);
  checkDepth(workspace.config, `${name}: config`);
  return workspace;
}

async function decodeFile(file: InputFile): Promise<Decoded> {
  checkFileSize(file.name, file.size);
  const text = await file.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // workspaceFromFile reports the JSON error (with its position) and the file name.
    return { kind: 'workspace', workspace: workspaceFromFile(text, file.name), source: file.name };
  }
  // Before any recursive reader (validation, cloning) meets it.
  checkDepth(parsed, file.name);
  const rawSteps = (parsed as { steps?: unknown } | null)?.steps;
  if (Array.isArray(rawSteps)) checkStepCount(rawSteps.length, file.name);
  if (!isTraceDocument(parsed)) return { kind: 'workspace', workspace: checked(workspaceFromParsed(parsed, file.name), file.name), source: file.name };
  const trace = traceFromDocument(parsed, file.name);
  checkReplayable(trace.workspace, trace.events, file.name);
  for (const b of trace.branches ?? []) if (b.workspace) checkReplayable(b.workspace, b.events, `${file.name}, branch “${b.name}”`);
  return { kind: 'trace', trace, source: file.name };
}

/** A trace whose events name steps it lacks, or whose changes do not apply to its own data, would break replay. */
function checkReplayable(workspace: Workspace, events: TraceEvent[], where: string): void {
  checked(workspace, where);
  const steps = workspace.steps.length;
  events.forEach((event, i) => {
    if (!isTraceEvent(event)) throw new Error(`${where}: event ${i} (${String((event as { kind?: unknown }).kind)}) is not a valid trace event`);
    const step = (event as { step?: unknown }).step;
    if (typeof step === 'number' && !(Number.isInteger(step) && step >= 0 && step < steps)) {
      throw new Error(`${where}: event ${i} names step ${step}, but the workspace has ${steps} step${steps === 1 ? '' : 's'}`);
    }
  });
  try {
    const index = createDataIndex(events);
    for (const event of events) if (event.kind === 'task-created') index.dataAt(event.task, Number.MAX_SAFE_INTEGER);
  } catch (error) {
    throw new Error(`${where}: its recorded changes do not replay (${(error as Error).message})`, { cause: error });
  }
}

async function decodeZip(file: InputFile): Promise<Workspace> {
  checkFileSize(file.name, file.size);
  return checked(workspaceFromZip(new Uint8Array(await file.arrayBuffer()), file.name), file.name);
}

async function decodeStepFiles(files: InputFile[], name: string): Promise<Workspace> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  checkFileSize(`${files.length} files`, total);
  const texts: Record<string, string> = {};
  for (const file of files) if (/\.(js|json)$/.test(file.name)) texts[file.name] = await file.text();
  return checked(workspaceFromFolder(texts, name), name);
}
