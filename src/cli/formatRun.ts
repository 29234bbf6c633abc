// The CLI's readable account of a run: one line per step run, then the end status.
import { formatPath } from '../engine/paths.ts';
import type { RunResult, TraceEvent } from '../engine/types.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)}s`.padStart(9);

export function formatRun(result: RunResult, stepNames: string[]): string {
  const lines: string[] = [];
  const taskNames = new Map(result.tasks.map((t) => [t.id, t.parent === null ? t.name : `${t.name} (${t.id})`]));
  for (const event of result.events) lines.push(...describe(event, taskNames, stepNames));
  for (const step of result.invalid) lines.push(`invalid step "${step.step}" (line ${step.line ?? '?'}:${step.column ?? '?'}): ${step.message}`);
  const where = result.error
    ? ` — ${result.error.message}${result.error.step ? ` in "${result.error.step}"` : ''}${result.error.line ? ` at line ${result.error.line}:${result.error.column}` : ''}`
    : '';
  lines.push(`${result.status}${where} · ${result.stepRuns} step runs · ${result.virtualTimeMs} ms virtual time`);
  return `${lines.join('\n')}\n`;
}

function describe(event: TraceEvent, tasks: Map<string, string>, steps: string[]): string[] {
  const prefix = `${seconds(event.t)}  ${tasks.get(event.task) ?? event.task}`;
  switch (event.kind) {
    case 'step-finished': {
      const paths = [...new Set(event.patches.map((p) => formatPath(p.path)))];
      return [`${prefix}  ${steps[event.step]}${event.redo ? ' (redo)' : ''}  ${paths.length ? `changed ${paths.join(', ')}` : 'changed nothing'}`];
    }
    case 'step-failed':
      return [`${prefix}  ${steps[event.step]}  FAILED: ${event.error.message}${event.error.line ? ` (line ${event.error.line}:${event.error.column})` : ''}`];
    case 'park':
      return [`${prefix}  parked for ${event.ms} ms`];
    case 'task-ended':
      return event.task === 't0' ? [] : [`${prefix}  ended ${event.status}`];
    default:
      return [];
  }
}
