// Beats (the one watchdog protocol, engine side): one per step run (not three), each naming the
// step run before its code runs, and every trace event reaching the host exactly once (beats,
// then the answer); a batch's beats name the variant, and the host's watchdog decides on them.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import type { TraceEvent } from '../../src/engine/types.ts';
import { createBatchBeats, createRunBeats, isBeat, type Beat } from '../../src/engine/beats.ts';
import { createWatchdog } from '../../src/engine/watchdog.ts';
import { isProgressMessage } from '../../src/worker/messageGuards.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const chain = (n: number) =>
  workspace(
    Array.from({ length: n }, (_, k) => step(`{ s: ${k} }`, `data.s = ${k + 1};${k === n - 1 ? ' task.complete();' : ''}`)),
    { s: 0 },
  );

async function runWithReporter(ws: ReturnType<typeof workspace>, clock = () => 0) {
  const posts: Beat[] = [];
  const reporter = createRunBeats((beat) => posts.push(structuredClone(beat)), clock);
  const run = createRun(ws, { host: nodeHost, onEvent: reporter.onEvent, onSlice: reporter.onSlice });
  await run.runUntil();
  return { posts, answer: reporter.take(), events: run.events };
}

describe('run beats', () => {
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
      expect(isBeat(p)).toBe(true);
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

  it('sends waiting events after QUIET_BEAT_MS even when no new step run starts', async () => {
    let now = 0;
    const ws = workspace([step('{ a: 1 }', 'task.park(10);data.a = 2;'), step('{ a: 2 }', 'task.complete();')], { a: 1 });
    // Every clock read is 100 ms later, so each slice's end sends what is waiting.
    const { posts } = await runWithReporter(ws, () => (now += 100));
    expect(posts.some((p) => p.slice === null && p.events.some((e) => e.kind === 'resume' || e.kind === 'park'))).toBe(true);
  });
});

describe('loose beats', () => {
  it('make the watchdog say its slice is only roughly what runs', () => {
    const dog = createWatchdog(1000, () => 0);
    expect(dog.exact).toBe(true);
    dog.heard({ slice: { task: 't0', step: 1, spentMs: 0, run: 2 }, events: [], seq: 4, loose: true });
    expect(dog.exact).toBe(false);
    dog.heard({ slice: { task: 't0', step: 1, spentMs: 0, run: 2 }, events: [], seq: 4 });
    expect(dog.exact).toBe(true);
    expect(isBeat({ slice: null, events: [], seq: 0, loose: false })).toBe(false);
  });
});

describe('batch beats', () => {
  it('loose, beat once per QUIET_BEAT_MS whatever the variants and steps', async () => {
    let now = 1000;
    const posts: Beat[] = [];
    const beats = createBatchBeats(
      (beat) => posts.push(beat),
      () => now,
      false,
    );
    const ws = workspace([step('{ n: { $lt: 5 } }', 'data.n++; step.redo();')], { n: 0 });
    for (const variant of [0, 1, 2, 3]) {
      beats.onVariant(variant);
      await createRun(ws, { host: nodeHost, onEvent: beats.onEvent, onSlice: beats.onSlice }).runUntil();
      now += 20;
    }
    // The first variant beats; the next ones only once 50 ms passed (at variant 3, 60 ms on).
    expect(posts.map((p) => [p.seq, p.loose])).toEqual([
      [0, true],
      [3, true],
    ]);
  });

  it('name each variant, carry no events, and do not beat at every run of a step that loops', async () => {
    const posts: Beat[] = [];
    const beats = createBatchBeats(
      (beat) => posts.push(beat),
      () => 0,
    );
    const ws = workspace([step('{ n: { $lt: 50 } }', 'data.n++; step.redo();')], { n: 0 });
    for (const variant of [0, 1]) {
      beats.onVariant(variant);
      await createRun(ws, { host: nodeHost, onEvent: beats.onEvent, onSlice: beats.onSlice }).runUntil();
    }
    expect(posts.every((p) => p.events.length === 0 && isBeat(p))).toBe(true);
    // Each variant: its own beat, then one for the step's first run; 49 redo runs add none.
    expect(posts.map((p) => [p.seq, p.slice?.step ?? null])).toEqual([
      [0, null],
      [0, 0],
      [1, null],
      [1, 0],
    ]);
  });

  it('do not beat at every slice of a step that awaits in each run, but do when the step changes', async () => {
    const posts: Beat[] = [];
    // The beats' clock stands still (no quiet beats); the CPU each slice used is measured for real.
    const beats = createBatchBeats(
      (beat) => posts.push(beat),
      () => 0,
    );
    const ws = workspace(
      [
        step('{ n: { $lt: 20 } }', 'await connectors.utils.sleep({ milliseconds: 10 }); data.n++; step.redo();'),
        step('{ n: 20 }', 'await connectors.utils.sleep({ milliseconds: 10 }); task.complete();'),
      ],
      { n: 0 },
    );
    beats.onVariant(0);
    await createRun(ws, { host: nodeHost, onEvent: beats.onEvent, onSlice: beats.onSlice }).runUntil();
    // 21 step runs of two slices each, every second slice with its own CPU time: the variant, step 0, step 1.
    expect(posts.map((p) => p.slice?.step ?? null)).toEqual([null, 0, 1]);
  });
});

describe('watchdog', () => {
  const beat = (slice: Beat['slice'], seq = 0): Beat => ({ slice, events: [], seq });

  it('expires only while armed, after the rest of the step run budget', () => {
    let now = 0;
    const dog = createWatchdog(1000, () => now);
    now = 5000;
    expect(dog.expired()).toBe(false);
    dog.arm();
    dog.heard(beat({ task: 't0', step: 2, spentMs: 700, run: 1 }, 9));
    now += 300;
    expect(dog.expired()).toBe(false);
    now += 1;
    expect(dog.expired()).toBe(true);
    expect(dog.slice).toEqual({ task: 't0', step: 2, spentMs: 700, run: 1 });
    expect(dog.seq).toBe(9);
    dog.disarm();
    expect(dog.expired()).toBe(false);
  });

  it('gives conditions that run code between steps the whole budget', () => {
    let now = 0;
    const dog = createWatchdog(1000, () => now);
    dog.arm();
    dog.heard(beat({ task: 't0', step: null, spentMs: 900 }));
    now = 999;
    expect(dog.expired()).toBe(false);
    now = 1001;
    expect(dog.expired()).toBe(true);
  });

  it('refuses beats of the wrong shape', () => {
    expect(isBeat({ slice: null, events: [], seq: -1 })).toBe(true);
    expect(isBeat({ slice: null, events: [] })).toBe(false);
    expect(isBeat({ slice: { task: 't0', step: -1, spentMs: 0 }, events: [], seq: 0 })).toBe(false);
    expect(isBeat({ slice: { task: 't0', step: 0, spentMs: -5 }, events: [], seq: 0 })).toBe(false);
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
