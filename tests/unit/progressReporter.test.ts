// The worker's progress: one message per step run (not three), each naming the step run before
// its code runs, and every trace event reaching the page exactly once (progress, then the answer).
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import type { TraceEvent } from '../../src/engine/types.ts';
import { createProgressReporter, type Progress } from '../../src/worker/progressReporter.ts';
import { isProgressMessage } from '../../src/worker/messageGuards.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const chain = (n: number) =>
  workspace(
    Array.from({ length: n }, (_, k) => step(`{ s: ${k} }`, `data.s = ${k + 1};${k === n - 1 ? ' task.complete();' : ''}`)),
    { s: 0 },
  );

async function runWithReporter(ws: ReturnType<typeof workspace>, clock = () => 0) {
  const posts: Progress[] = [];
  const reporter = createProgressReporter((message) => posts.push(structuredClone(message)), clock);
  const run = createRun(ws, { host: nodeHost, onEvent: reporter.onEvent, onSlice: reporter.onSlice });
  await run.runUntil();
  return { posts, answer: reporter.take(), events: run.events };
}

describe('progress reporter', () => {
  it('posts once per step run, naming it before its code runs', async () => {
    const { posts, events } = await runWithReporter(chain(20));
    const starts = events.filter((e) => e.kind === 'step-started');
    expect(starts).toHaveLength(20);
    expect(posts).toHaveLength(20);
    posts.forEach((p, i) => {
      const start = starts[i] as Extract<TraceEvent, { kind: 'step-started' }>;
      expect(p.slice).toEqual({ task: start.task, step: start.step, spentMs: 0, run: start.run });
      // The message that names a step run carries its step-started event, and says how far the run got.
      expect(p.events[p.events.length - 1]).toEqual(start);
      expect(p.seq).toBe(start.seq);
      expect(isProgressMessage({ ...p, steplab: 'progress' })).toBe(true);
    });
  });

  it('delivers every event once, in order, across progress and the answer', async () => {
    const { posts, answer, events } = await runWithReporter(chain(7));
    const delivered = [...posts.flatMap((p) => p.events), ...answer];
    expect(delivered.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
  });

  it('names the task before conditions that run code (a dynamic condition)', async () => {
    const ws = workspace([step('{ n: { $lt: data.max } }', 'data.n++; step.redo();')], { n: 0, max: 2 });
    const { posts } = await runWithReporter(ws);
    expect(posts.some((p) => p.slice !== null && p.slice.step === null && p.slice.task === 't0')).toBe(true);
  });

  it('sends waiting events after EVENTS_MS even when no new step run starts', async () => {
    let now = 0;
    const ws = workspace([step('{ a: 1 }', 'task.park(10);data.a = 2;'), step('{ a: 2 }', 'task.complete();')], { a: 1 });
    // Every clock read is 100 ms later, so each slice's end sends what is waiting.
    const { posts } = await runWithReporter(ws, () => (now += 100));
    expect(posts.some((p) => p.slice === null && p.events.some((e) => e.kind === 'resume' || e.kind === 'park'))).toBe(true);
  });
});

describe('loaded steps', () => {
  it('are built once per source: a second load of the workspace parses and compiles nothing', async () => {
    const { loadSteps } = await import('../../src/engine/createRun.ts');
    const ws = chain(3);
    const [a, b] = [loadSteps(ws), loadSteps(ws)];
    a.forEach((s, i) => {
      expect(s.valid && b[i].valid && s.instantiate === b[i].instantiate).toBe(true);
      expect(s.index).toBe(b[i].index);
    });
  });
});
