// One lane per task on the virtual clock: step runs as bars, parks and waits as gaps with a reason.
import type { TaskStatus, TraceEvent } from '../engine/types.ts';

export interface LaneBar {
  step: number;
  from: number;
  to: number;
  startSeq: number;
  seq: number;
  failed: boolean;
}

export interface LaneGap {
  from: number;
  to: number;
  reason: string;
}

export interface Lane {
  task: string;
  name: string;
  parent: string | null;
  from: number;
  to: number;
  status: TaskStatus | null;
  bars: LaneBar[];
  gaps: LaneGap[];
}

export function buildLanes(events: readonly TraceEvent[]): Lane[] {
  const lanes = new Map<string, Lane>();
  const open = new Map<string, { step: number; from: number; startSeq: number }>();
  const parked = new Map<string, { from: number; ms: number }>();
  const waiting = new Map<string, number>();
  const end = events.length ? events[events.length - 1].t : 0;
  for (const e of events) {
    const lane = lanes.get(e.task);
    switch (e.kind) {
      case 'task-created':
        lanes.set(e.task, { task: e.task, name: e.name, parent: e.parent, from: e.t, to: end, status: null, bars: [], gaps: [] });
        break;
      case 'step-started':
        open.set(e.task, { step: e.step, from: e.t, startSeq: e.seq });
        break;
      case 'step-finished':
      case 'step-failed': {
        const started = open.get(e.task);
        if (lane && started)
          lane.bars.push({ step: e.step, from: started.from, to: e.t, startSeq: started.startSeq, seq: e.seq, failed: e.kind === 'step-failed' });
        open.delete(e.task);
        break;
      }
      case 'park':
        parked.set(e.task, { from: e.t, ms: e.ms });
        break;
      case 'resume': {
        const park = parked.get(e.task);
        if (lane && park)
          lane.gaps.push({
            from: park.from,
            to: e.t,
            reason:
              e.reason === 'timer'
                ? `park ${formatMs(park.ms)}`
                : `park ${formatMs(park.ms)}, woken by ${e.reason === 'data' ? 'data' : 'subtasks'} after ${formatMs(e.t - park.from)}`,
          });
        parked.delete(e.task);
        if (lane && waiting.has(e.task) && e.reason === 'children') {
          lane.gaps.push({ from: waiting.get(e.task)!, to: e.t, reason: `waits for subtasks ${formatMs(e.t - waiting.get(e.task)!)}` });
          waiting.delete(e.task);
        }
        break;
      }
      case 'subtask-created':
        if (e.waitFor && !waiting.has(e.task)) waiting.set(e.task, e.t);
        break;
      case 'task-ended':
        if (lane) {
          lane.to = e.t;
          lane.status = e.status;
        }
        break;
    }
  }
  return [...lanes.values()];
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(2)} s` : `${ms} ms`;
}
