// Replay is a pure fold over the recorded trace: where each step stood at a cursor position,
// what data the task had, and which step's change made which step ready. Nothing runs again.
// frameAt and activeEdgeAt here are the reference folds; replayIndex.ts answers the same from
// checkpoints, so a seek in a long trace does not fold it all.
import { dotPathsOverlap, formatPath } from '../engine/paths.ts';
import type { TaskStatus, TraceEvent } from '../engine/types.ts';

/** One slider position: a finished or failed step run. */
export interface StepRunRef {
  seq: number;
  startSeq: number;
  task: string;
  step: number;
  t: number;
  failed: boolean;
}

export type NodeState = 'ready' | 'running' | 'ran' | 'failed' | 'invalid' | 'disabled' | 'waiting' | 'never' | 'idle';

export interface StepMeta {
  enabled: boolean;
  valid: boolean;
}

export interface Frame {
  run: StepRunRef | null;
  states: NodeState[];
  counts: number[];
  redos: number[];
  ready: number[];
  /** Paths the step at the cursor changed. */
  changed: string[];
  /** How the root task ended, once the cursor reaches its end. */
  status: TaskStatus | null;
}

export const ROOT = 't0';

/** The step runs in `events`; `started` carries each task's last step start across calls on a growing trace. */
export function stepRunsOf(events: readonly TraceEvent[], started = new Map<string, number>()): StepRunRef[] {
  const runs: StepRunRef[] = [];
  for (const e of events) {
    if (e.kind === 'step-started') started.set(e.task, e.seq);
    else if (e.kind === 'step-finished' || e.kind === 'step-failed') {
      runs.push({ seq: e.seq, startSeq: started.get(e.task) ?? e.seq, task: e.task, step: e.step, t: e.t, failed: e.kind === 'step-failed' });
    }
  }
  return runs;
}

/** The slider position at an event: the last step run that started at or before it. */
export function runIndexAt(runs: readonly StepRunRef[], seq: number): number {
  let index = -1;
  for (let i = 0; i < runs.length && runs[i].startSeq <= seq; i++) index = i;
  return index;
}

/**
 * The world at slider position `index` (after that step run; -1 is before any ran), or, when
 * `atSeq` is given, just after that event (which may fall inside a step run).
 */
export function frameAt(events: readonly TraceEvent[], runs: readonly StepRunRef[], index: number, meta: readonly StepMeta[], atSeq?: number): Frame {
  const run = index >= 0 ? (runs[index] ?? null) : null;
  const upTo = atSeq ?? (run ? run.seq : -1);
  const n = meta.length;
  const counts = new Array<number>(n).fill(0);
  const redos = new Array<number>(n).fill(0);
  const failed = new Array<boolean>(n).fill(false);
  const matched = new Array<boolean>(n).fill(false);
  const everMatched = new Array<boolean>(n).fill(false);
  let ready: number[] = [];
  let changed: string[] = [];
  let status: TaskStatus | null = null;
  let sawEvaluationAfter = false;
  for (const e of events) {
    const after = e.seq > upTo;
    if (after) {
      // The first evaluation after the cursor tells what is ready given the data at the cursor.
      if (e.kind === 'evaluated' && e.task === ROOT && !sawEvaluationAfter) {
        ready = e.ready;
        sawEvaluationAfter = true;
      }
      if (e.kind === 'step-started' && e.task === ROOT) break;
      if (e.kind === 'task-ended' && e.task === ROOT && run) status = e.status;
      continue;
    }
    if (e.kind === 'step-finished') {
      counts[e.step]++;
      if (e.redo) redos[e.step]++;
      if (e.seq === (run?.seq ?? -1) && e.seq <= upTo) changed = [...new Set(e.patches.map((p) => formatPath(p.path)))];
    } else if (e.kind === 'step-failed') {
      counts[e.step]++;
      failed[e.step] = true;
    } else if (e.kind === 'evaluated' && e.task === ROOT) {
      for (const [i, pass] of e.flips) {
        matched[i] = pass;
        if (pass) everMatched[i] = true;
      }
      ready = e.ready;
    } else if (e.kind === 'task-ended' && e.task === ROOT) {
      status = e.status;
    }
  }
  const states = meta.map((m, i): NodeState => {
    if (run && run.step === i) return run.failed ? 'failed' : 'running';
    if (failed[i]) return 'failed';
    if (!m.valid) return 'invalid';
    if (!m.enabled) return 'disabled';
    if (ready[0] === i && status === null) return 'ready';
    if (ready.includes(i) && status === null) return 'waiting';
    if (counts[i] > 0) return matched[i] && status === null ? 'waiting' : 'ran';
    return everMatched[i] || matched[i] ? 'idle' : 'never';
  });
  return { run, states, counts, redos, ready, changed, status };
}

export interface CausalEdge {
  from: number | 'start';
  to: number;
  path: string;
  count: number;
}

/** Edges taken from the trace: the step whose change made another step match, and the path that did it. */
export function causalEdges(events: readonly TraceEvent[], reads: readonly string[][]): CausalEdge[] {
  const edges = new Map<string, CausalEdge>();
  let lastFinished: { step: number; paths: string[] } | null = null;
  let first = true;
  for (const e of events) {
    if (e.task !== ROOT) continue;
    if (e.kind === 'step-finished') lastFinished = { step: e.step, paths: e.patches.map((p) => formatPath(p.path)) };
    if (e.kind !== 'evaluated') continue;
    for (const [to, pass] of e.flips) {
      if (!pass) continue;
      const from = first || !lastFinished ? 'start' : lastFinished.step;
      const path = from === 'start' ? 'start' : (overlap(lastFinished!.paths, reads[to] ?? []) ?? lastFinished!.paths[0] ?? '');
      const key = `${from}->${to}`;
      const edge = edges.get(key);
      if (edge) edge.count++;
      else edges.set(key, { from, to, path, count: 1 });
    }
    first = false;
  }
  return [...edges.values()];
}

function overlap(changed: string[], reads: string[]): string | undefined {
  for (const read of reads) for (const path of changed) if (dotPathsOverlap(path, read)) return read;
  return undefined;
}

/** The edge that led to the step at the cursor: the last step whose change made it match. */
export function activeEdgeAt(events: readonly TraceEvent[], run: StepRunRef | null): string | null {
  if (!run || run.task !== ROOT) return null;
  let from: number | 'start' = 'start';
  let lastFinished: number | null = null;
  for (const e of events) {
    if (e.seq >= run.startSeq) break;
    if (e.task !== ROOT) continue;
    if (e.kind === 'step-finished') lastFinished = e.step;
    if (e.kind === 'evaluated' && e.flips.some(([i, pass]) => i === run.step && pass)) from = lastFinished ?? 'start';
  }
  return `${from}->${run.step}`;
}
