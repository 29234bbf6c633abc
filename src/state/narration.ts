// Plain-language narration of a run, generated from the trace and the condition leaves:
// "‘Validate order’ ran because `order.status` is "processing". It set `order.status` to
// "validated" and added `order.validatedAt`."
import { describeValue } from '../engine/describeValue.ts';
import { getAt } from '../engine/paths.ts';
import type { DataIndex } from '../engine/traceFold.ts';
import type { Json, TraceEvent } from '../engine/types.ts';
import { diffData } from './inspect.ts';
import { formatMs } from './lanes.ts';

export interface LeafHint {
  path: string;
  expected: string;
}

const value = (v: unknown) => (v === undefined ? 'absent' : describeValue(v, 40));
const list = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);

/** Why a step matched: its condition's paths with the values they had just before it ran. */
export function becauseClause(leaves: readonly LeafHint[], before: Json | undefined): string {
  if (leaves.length === 0) return '';
  const shown = leaves.slice(0, 2).map((leaf) => {
    const actual = getAt(before, leaf.path.split('.'));
    const shape = /^(String|Number|Boolean|Array|Object)$/.test(leaf.expected)
      ? `is ${/^[AO]/.test(leaf.expected) ? 'an' : 'a'} ${leaf.expected.toLowerCase()}`
      : `is ${value(actual)}`;
    return `\`${leaf.path}\` ${shape}`;
  });
  const more = leaves.length > 2 ? `, and ${leaves.length - 2} more condition${leaves.length === 3 ? '' : 's'} hold` : '';
  return ` because ${list(shown)}${more}`;
}

/** What a step changed, in a sentence ("It set … and added …"). */
export function changeClause(before: Json | undefined, after: Json | undefined): string {
  const changes = diffData(before, after);
  if (changes.length === 0) return 'It changed nothing.';
  const words = changes
    .slice(0, 3)
    .map((c) => (c.kind === 'changed' ? `set \`${c.path}\` to ${value(c.after)}` : c.kind === 'added' ? `added \`${c.path}\`` : `removed \`${c.path}\``));
  const more = changes.length > 3 ? `, with ${changes.length - 3} more change${changes.length === 4 ? '' : 's'}` : '';
  return `It ${list(words)}${more}.`;
}

export interface NarrationInput {
  events: readonly TraceEvent[];
  index: DataIndex;
  names: readonly string[];
  leaves: readonly (readonly LeafHint[])[];
}

/** One sentence for one event; null for events that are not worth telling (ready sets, logs). */
export function narrateEvent(e: TraceEvent, input: NarrationInput): string | null {
  const name = (i: number) => `‘${input.names[i] ?? `#${i}`}’`;
  switch (e.kind) {
    case 'step-finished':
    case 'step-failed': {
      const start = [...input.events].reverse().find((s) => s.kind === 'step-started' && s.task === e.task && s.seq < e.seq);
      const before = input.index.dataAt(e.task, (start?.seq ?? e.seq) - 1) as Json | undefined;
      const because = becauseClause(input.leaves[e.step] ?? [], before);
      if (e.kind === 'step-failed') return `${name(e.step)} ran${because}, but failed: ${e.error.message}. None of its changes were kept.`;
      const after = input.index.dataAt(e.task, e.seq) as Json | undefined;
      const redo = e.redo ? ' It asked to run again (step.redo).' : '';
      return `${name(e.step)} ran${because}. ${changeClause(before, after)}${redo}`;
    }
    case 'park':
      return `The task waits ${formatMs(e.ms)} on the virtual clock (task.park), then checks the conditions again.`;
    case 'resume':
      return e.reason === 'timer'
        ? 'The wait is over: the conditions are checked again.'
        : e.reason === 'data'
          ? 'New data arrived, so the task wakes early.'
          : 'Every subtask it waited for has ended, so the task goes on.';
    case 'subtask-created':
      return `It started subtask “${e.name}”${e.into ? `; its result will land at \`${e.into}\`` : ''}${e.waitFor ? ', and waits for it' : ''}.`;
    case 'subtask-ended':
      return `Subtask ${e.child} ended ${e.status}${e.into ? `; its result is now at \`${e.into}\`` : ''}.`;
    case 'connector-call':
      return `It calls the mocked connector ${e.connector}.${e.method}.`;
    case 'connector-result':
      return e.ok ? `The connector answered after ${formatMs(e.latencyMs)}.` : `The connector failed after ${formatMs(e.latencyMs)}: ${e.error}.`;
    case 'data-edited':
      return 'The data was edited by hand while the run was paused.';
    case 'task-ended': {
      const who = e.task === 't0' ? 'The task' : `Subtask ${e.task}`;
      if (e.status === 'done') return `${who} is done.`;
      if (e.status === 'incomplete')
        return `No step matches any more, and nothing completed ${e.task === 't0' ? 'the task' : 'it'}: ${who.toLowerCase()} ends incomplete.`;
      if (e.status === 'error') return `${who} ends in error: ${e.error?.message ?? 'a step failed'}.`;
      return `${who} ends ${e.status}.`;
    }
    default:
      return null;
  }
}

/** The narration at a cursor: the step run's sentence plus what follows it before the next step. */
export function narrateAt(seq: number, input: NarrationInput, runStartSeq: number | null): string {
  const { events } = input;
  if (seq < 0 || events.length === 0) return '';
  const at = events[seq];
  if (!at) return '';
  const own = at.kind === 'step-finished' || at.kind === 'step-failed' || runStartSeq === null ? narrateEvent(at, input) : null;
  const parts = own ? [own] : [narrateEvent(at, input) ?? ''];
  if (at.kind === 'step-finished' || at.kind === 'step-failed') {
    for (const e of events.slice(seq + 1)) {
      if (e.task !== at.task) continue;
      if (e.kind === 'step-started') break;
      if (e.kind === 'park' || e.kind === 'task-ended' || e.kind === 'subtask-created') parts.push(narrateEvent(e, input) ?? '');
    }
  }
  return parts.filter(Boolean).join(' ');
}
