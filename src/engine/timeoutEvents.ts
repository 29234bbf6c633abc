// The events a run killed by its watchdog would have recorded: the running step fails with
// "execution timeout", its task ends in error, and every other live task is left waiting.
import type { NewTraceEvent, TraceEvent } from './types.ts';

export const EXECUTION_TIMEOUT = 'execution timeout';

export function timeoutEvents(events: readonly TraceEvent[], task: string, step: number | null): TraceEvent[] {
  const last = events[events.length - 1];
  let seq = (last?.seq ?? -1) + 1;
  const t = last?.t ?? 0;
  const error = { message: EXECUTION_TIMEOUT, line: null, column: null };
  const ended = new Set(events.flatMap((e) => (e.kind === 'task-ended' ? [e.task] : [])));
  const live = events.flatMap((e) => (e.kind === 'task-created' && !ended.has(e.task) ? [e.task] : []));
  const out: NewTraceEvent[] = [];
  const run = events.filter((e) => e.kind === 'step-started' && e.task === task).length;
  if (step !== null) out.push({ kind: 'step-failed', task, step, run, error });
  if (!ended.has(task)) out.push({ kind: 'task-ended', task, status: 'error', result: null, error, step });
  for (const other of live) if (other !== task) out.push({ kind: 'task-ended', task: other, status: 'waiting', result: null, error: null, step: null });
  return out.map((e) => ({ ...e, seq: seq++, t }) as TraceEvent);
}
