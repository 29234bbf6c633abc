// Trace files: a run saved as JSON, with the workspace it ran, so replay works from the file
// alone. Versioned like share links: a newer file gets a clear error instead of a wrong replay.
// A file may also hold every what-if branch and say which is active; the active branch's run is
// also the file's top-level run, so a reader that knows nothing of branches still replays it.
import { isPlainObject } from '../engine/plainValues.ts';
import { parseWorkspace } from '../engine/workspace.ts';
import { TRACE_EVENT_KINDS, type JsonObject, type TraceEvent, type Workspace } from '../engine/types.ts';

export const TRACE_FORMAT = 'steplab-trace';
export const TRACE_VERSION = 1;

/** A what-if branch as saved: its run (none yet: no workspace, no events) and where it was forked. */
export interface TraceBranch {
  id: number;
  name: string;
  parent: number | null;
  forkedAt: { seq: number; t: number } | null;
  startData?: JsonObject;
  workspace: Workspace | null;
  events: TraceEvent[];
}

export interface TraceFile {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  task: string;
  workspace: Workspace;
  events: TraceEvent[];
  /** Every branch, when the run had what-if branches; `active` is the one on top. */
  branches?: TraceBranch[];
  active?: number;
}

export function traceToFile(workspace: Workspace, task: string, events: readonly TraceEvent[], branches?: { list: TraceBranch[]; active: number }): string {
  const file: TraceFile = { format: TRACE_FORMAT, version: TRACE_VERSION, task, workspace, events: [...events] };
  if (branches && branches.list.length > 1) Object.assign(file, { branches: branches.list, active: branches.active });
  return `${JSON.stringify(file)}\n`;
}

export const isTraceDocument = (value: unknown): boolean => isPlainObject(value) && value.format === TRACE_FORMAT;

const KINDS = new Set<string>(TRACE_EVENT_KINDS);

/** Reads a parsed trace file; errors say what is wrong, including a version this build cannot read. */
export function traceFromDocument(value: unknown, fileName = 'the trace file'): TraceFile {
  if (!isTraceDocument(value)) throw new Error(`${fileName} is not a Steplab trace (no "format": "${TRACE_FORMAT}")`);
  const doc = value as Record<string, unknown>;
  if (doc.version !== TRACE_VERSION) {
    throw new Error(
      `${fileName} is a version ${JSON.stringify(doc.version)} trace; this Steplab reads version ${TRACE_VERSION}. Open it with a matching Steplab, or run the workspace again.`,
    );
  }
  const workspace = parseWorkspace(doc.workspace);
  const events = checkEvents(doc.events, fileName);
  const branches = doc.branches === undefined ? undefined : readBranches(doc.branches, fileName);
  if (branches && !branches.some((b) => b.id === doc.active)) throw new Error(`${fileName}: "active" must name one of its branches`);
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    task: typeof doc.task === 'string' ? doc.task : workspace.tasks[0].name,
    workspace,
    events,
    ...(branches ? { branches, active: doc.active as number } : {}),
  };
}

function checkEvents(events: unknown, where: string): TraceEvent[] {
  if (!Array.isArray(events)) throw new Error(`${where}: "events" must be an array`);
  events.forEach((e, i) => {
    if (!isPlainObject(e) || typeof e.seq !== 'number' || typeof e.t !== 'number' || typeof e.task !== 'string' || !KINDS.has(String(e.kind))) {
      throw new Error(`${where}: event ${i} is not a trace event`);
    }
    if (e.seq !== i) throw new Error(`${where}: events must be in order (event ${i} has seq ${String(e.seq)})`);
  });
  if (events.length === 0 || (events[0] as { kind: string }).kind !== 'task-created')
    throw new Error(`${where}: the trace must start with a task-created event`);
  return events as TraceEvent[];
}

function readBranches(value: unknown, fileName: string): TraceBranch[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${fileName}: "branches" must be a non-empty array`);
  const ids = new Set<number>();
  return value.map((b, i) => {
    const where = `${fileName}, branch ${i + 1}`;
    if (!isPlainObject(b) || !Number.isSafeInteger(b.id) || typeof b.name !== 'string' || ids.has(b.id as number))
      throw new Error(`${where}: needs a unique id and a name`);
    ids.add(b.id as number);
    const forkedAt = b.forkedAt;
    if (forkedAt !== null && !(isPlainObject(forkedAt) && typeof forkedAt.seq === 'number' && typeof forkedAt.t === 'number'))
      throw new Error(`${where}: "forkedAt" must be null or { seq, t }`);
    if (b.parent !== null && !Number.isSafeInteger(b.parent)) throw new Error(`${where}: "parent" must be null or a branch id`);
    if (b.startData !== undefined && !isPlainObject(b.startData)) throw new Error(`${where}: "startData" must be an object`);
    const ran = b.workspace !== null && b.workspace !== undefined;
    return {
      id: b.id as number,
      name: b.name,
      parent: b.parent as number | null,
      forkedAt: forkedAt as TraceBranch['forkedAt'],
      ...(b.startData !== undefined ? { startData: b.startData as JsonObject } : {}),
      workspace: ran ? parseWorkspace(b.workspace) : null,
      events: ran ? checkEvents(b.events, where) : [],
    };
  });
}
