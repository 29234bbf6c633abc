// Builds the run's result document (what the CLI prints with --json) from the tasks and trace.
import type { LoadedStep } from './loadStep.ts';
import type { TaskState } from './runState.ts';
import type { RunResult, TraceEvent } from './types.ts';

export function summarizeRun(input: { steps: LoadedStep[]; tasks: TaskState[]; events: TraceEvent[]; now: number; stepRuns: number }): RunResult {
  const { steps, tasks, events } = input;
  const root = tasks[0];
  const stepName = (i: number | null) => (i === null ? null : (steps[i]?.name ?? null));
  const rootEnd = [...events].reverse().find((e) => e.kind === 'task-ended' && e.task === root?.id);
  const errorStep = rootEnd?.kind === 'task-ended' ? rootEnd.step : null;
  return {
    status: root?.status ?? 'waiting',
    result: root?.result ?? null,
    error: root?.error ? { ...root.error, step: stepName(errorStep) } : null,
    data: root?.data ?? {},
    ran: root?.ran ?? [],
    tasks: tasks.map((t) => ({ id: t.id, name: t.name, parent: t.parent?.id ?? null, status: t.status, result: t.result, error: t.error, ran: t.ran })),
    invalid: steps.flatMap((s) => (s.valid ? [] : [{ step: s.name, index: s.index, ...s.error }])),
    virtualTimeMs: input.now,
    stepRuns: input.stepRuns,
    logs: events.flatMap((e) => (e.kind === 'log' ? [{ t: e.t, task: e.task, step: stepName(e.step), level: e.level, text: e.text }] : [])),
    events,
  };
}
