// One readable line per trace event, for the event log.
import { describeValue } from '../engine/describeValue.ts';
import { formatPath } from '../engine/paths.ts';
import type { TraceEvent } from '../engine/types.ts';

export const EVENT_KINDS: { kind: TraceEvent['kind']; label: string }[] = [
  { kind: 'step-started', label: 'step runs' },
  { kind: 'evaluated', label: 'ready sets' },
  { kind: 'condition-error', label: 'condition errors' },
  { kind: 'log', label: 'logs' },
  { kind: 'connector-call', label: 'connector calls' },
  { kind: 'connector-result', label: 'connector results' },
  { kind: 'park', label: 'parks' },
  { kind: 'resume', label: 'resumes' },
  { kind: 'subtask-created', label: 'subtasks created' },
  { kind: 'subtask-ended', label: 'subtasks ended' },
  { kind: 'visualize', label: 'visualize' },
  { kind: 'task-created', label: 'task created' },
  { kind: 'task-ended', label: 'task ended' },
  { kind: 'data-edited', label: 'data edits' },
];

/** Step runs cover started, finished and failed: one filter for all three. */
export const kindGroup = (kind: TraceEvent['kind']): TraceEvent['kind'] => (kind === 'step-finished' || kind === 'step-failed' ? 'step-started' : kind);

export function describeEvent(e: TraceEvent, names: readonly string[], callLatency?: Map<number, number>): string {
  const name = (i: number | null) => (i === null ? 'module' : `‘${names[i] ?? `#${i}`}’`);
  switch (e.kind) {
    case 'task-created':
      return `task “${e.name}” created${e.parent ? ` by ${e.parent}` : ''}`;
    case 'condition-error':
      return `${name(e.step)}: its condition could not be evaluated: ${e.message}`;
    case 'evaluated':
      return e.ready.length ? `ready: ${e.ready.map((i) => name(i)).join(', ')}` : 'ready: none';
    case 'step-started':
      return `${name(e.step)} started (run ${e.run})`;
    case 'step-finished': {
      const paths = [...new Set(e.patches.map((p) => formatPath(p.path)))];
      return `${name(e.step)} finished${e.redo ? ' (redo)' : ''}: ${paths.length ? `changed ${paths.join(', ')}` : 'changed nothing'}`;
    }
    case 'step-failed':
      return `${name(e.step)} failed: ${e.error.message}${e.error.line ? ` (line ${e.error.line}:${e.error.column})` : ''}`;
    case 'log':
      return `${e.level === 'audit' ? 'audit' : `console.${e.level}`}: ${e.text}`;
    case 'connector-call': {
      const latency = callLatency?.get(e.call);
      return `call ${e.connector}.${e.method}(${describeValue(e.args, 120)})${latency !== undefined ? ` · ${latency} ms` : ''}`;
    }
    case 'connector-result':
      return e.ok ? `result ← ${describeValue(e.value, 120)} after ${e.latencyMs} ms` : `error ← ${e.error} after ${e.latencyMs} ms`;
    case 'park':
      return `parked for ${e.ms} ms`;
    case 'resume':
      return `resumed (${e.reason === 'timer' ? 'park over' : e.reason === 'data' ? 'data arrived' : 'subtasks ended'})`;
    case 'subtask-created':
      return `subtask ${e.child} “${e.name}”${e.into ? ` → ${e.into}` : ''}${e.waitFor ? ' (waitFor)' : ''}`;
    case 'subtask-ended':
      return `subtask ${e.child} ended ${e.status}${e.into ? `, result at ${e.into}` : ''}`;
    case 'data-edited':
      return `data edited: ${[...new Set(e.patches.map((p) => formatPath(p.path)))].join(', ')}`;
    case 'visualize':
      return `visualize ${e.type} “${e.name}”`;
    case 'task-ended':
      return `task ended ${e.status}${e.error ? `: ${e.error.message}` : ''}`;
  }
}
