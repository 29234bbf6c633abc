// Builds the run's result document (what the CLI prints with --json) from the trace alone,
// so a run cut short by the watchdog is summarized the same way as a finished one.
import { LIMIT_NOTE_PREFIX } from './limits.ts';
import { createDataIndex } from './traceFold.ts';
import type { InvalidStep, JsonObject, RunResult, TaskSummary, TraceEvent } from './types.ts';

export interface RunSummaryInput {
  stepNames: string[];
  invalid: InvalidStep[];
  events: TraceEvent[];
  /** The root task's data at the last event, when the caller has it: then the trace is not replayed. */
  finalData?: JsonObject;
}

export function summarizeRun({ stepNames, invalid, events, finalData }: RunSummaryInput): RunResult {
  const tasks = new Map<string, TaskSummary>();
  let rootError: { step: number | null } | null = null;
  let stepRuns = 0;
  for (const event of events) {
    if (event.kind === 'task-created') {
      tasks.set(event.task, { id: event.task, name: event.name, parent: event.parent, status: 'waiting', result: null, error: null, ran: [] });
    } else if (event.kind === 'step-started') {
      stepRuns++;
      tasks.get(event.task)?.ran.push(stepNames[event.step] ?? `#${event.step}`);
    } else if (event.kind === 'task-ended') {
      const task = tasks.get(event.task);
      if (!task) continue;
      Object.assign(task, { status: event.status, result: event.result, error: event.error });
      if (task.parent === null) rootError = { step: event.step };
    }
  }
  const root = [...tasks.values()][0];
  const last = events[events.length - 1];
  const data = !root ? {} : (finalData ?? (createDataIndex(events).dataAt(root.id, last.seq) as JsonObject));
  const stepOf = (i: number | null) => (i === null ? null : (stepNames[i] ?? null));
  // A root left incomplete or waiting because a limit stopped another task says so (issue 10).
  const note = root && !root.error && (root.status === 'incomplete' || root.status === 'waiting') ? limitNote(events, root.id) : null;
  return {
    status: root?.status ?? 'waiting',
    result: root?.result ?? null,
    error: root?.error ? { ...root.error, step: stepOf(rootError?.step ?? null) } : note ? { message: note, line: null, column: null, step: null } : null,
    data,
    ran: root?.ran ?? [],
    tasks: [...tasks.values()],
    invalid,
    virtualTimeMs: last?.t ?? 0,
    stepRuns,
    logs: events.flatMap((e) => (e.kind === 'log' ? [{ t: e.t, task: e.task, step: stepOf(e.step), level: e.level, text: e.text }] : [])),
    events,
  };
}

function limitNote(events: TraceEvent[], root: string): string | null {
  for (const e of events) if (e.kind === 'log' && e.task === root && e.step === null && e.text.startsWith(LIMIT_NOTE_PREFIX)) return e.text;
  return null;
}
