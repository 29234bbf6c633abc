// Trace files: a run saved as JSON, with the workspace it ran, so replay works from the file
// alone. Versioned like share links: a newer file gets a clear error instead of a wrong replay.
import { isPlainObject } from '../engine/plainValues.ts';
import { parseWorkspace } from '../engine/workspace.ts';
import { TRACE_EVENT_KINDS, type TraceEvent, type Workspace } from '../engine/types.ts';

export const TRACE_FORMAT = 'steplab-trace';
export const TRACE_VERSION = 1;

export interface TraceFile {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  task: string;
  workspace: Workspace;
  events: TraceEvent[];
}

export function traceToFile(workspace: Workspace, task: string, events: readonly TraceEvent[]): string {
  const file: TraceFile = { format: TRACE_FORMAT, version: TRACE_VERSION, task, workspace, events: [...events] };
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
  if (!Array.isArray(doc.events)) throw new Error(`${fileName}: "events" must be an array`);
  doc.events.forEach((e, i) => {
    if (!isPlainObject(e) || typeof e.seq !== 'number' || typeof e.t !== 'number' || typeof e.task !== 'string' || !KINDS.has(String(e.kind))) {
      throw new Error(`${fileName}: event ${i} is not a trace event`);
    }
    if (e.seq !== i) throw new Error(`${fileName}: events must be in order (event ${i} has seq ${String(e.seq)})`);
  });
  if (doc.events.length === 0 || (doc.events[0] as { kind: string }).kind !== 'task-created')
    throw new Error(`${fileName}: the trace must start with a task-created event`);
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    task: typeof doc.task === 'string' ? doc.task : workspace.tasks[0].name,
    workspace,
    events: doc.events as TraceEvent[],
  };
}
