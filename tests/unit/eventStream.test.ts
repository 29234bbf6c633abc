import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventStream } from '../../src/state/eventStream.ts';
import type { TraceEvent } from '../../src/engine/types.ts';

const log = (seq: number): TraceEvent => ({ kind: 'log', task: 't0', step: 0, level: 'info', text: `${seq}`, seq, t: 0 });

describe('event stream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands events over in seq order, once each, at most every 100 ms', () => {
    let events: TraceEvent[] = [];
    const handed: number[] = [];
    const stream = createEventStream(
      () => events,
      (all) => {
        handed.push(all.length);
        events = all;
      },
      () => 0,
    );
    stream.append([log(1), log(0)]);
    stream.append([log(0), log(3)]);
    vi.advanceTimersByTime(99);
    expect(handed).toEqual([]);
    vi.advanceTimersByTime(1);
    // 3 waits for 2, which has not arrived.
    expect(events.map((e) => e.seq)).toEqual([0, 1]);
    stream.append([log(2)]);
    vi.advanceTimersByTime(100);
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
  });

  it('hands over less often while rendering what it handed over takes long', () => {
    let clock = 0;
    let events: TraceEvent[] = [];
    const handedAt: number[] = [];
    const stream = createEventStream(
      () => events,
      (all) => {
        handedAt.push(Date.now());
        events = all;
        clock += 300; // the page took 300 ms to render them
      },
      () => clock,
    );
    const start = Date.now();
    stream.append([log(0)]);
    vi.advanceTimersByTime(101);
    stream.append([log(1)]);
    vi.advanceTimersByTime(599);
    expect(handedAt.map((t) => t - start)).toEqual([100]);
    vi.advanceTimersByTime(1);
    expect(handedAt.map((t) => t - start)).toEqual([100, 701]);
  });
});
