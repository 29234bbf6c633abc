// Every way a step run is cut short goes through abortRun: its timers are cancelled (with the
// warning), none of its callbacks run afterwards, and none of its changes apply. One test per
// way in: a throw, a data limit at commit, task expiry, stop(), and the step limit.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import type { TraceEvent } from '../../src/engine/types.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const TICKING = `setInterval(() => console.log('tick ' + data.n), 1); data.n = 1;`;
const ticksAfter = (events: TraceEvent[], seq: number) => events.filter((e) => e.seq > seq && e.kind === 'log' && e.text.startsWith('tick'));
const cancelWarning = (events: TraceEvent[]) => events.some((e) => e.kind === 'log' && e.level === 'warn' && /timer.*cancelled/.test(e.text));

async function check(events: TraceEvent[], task = 't0') {
  const cut = events.find((e) => (e.kind === 'step-failed' || e.kind === 'task-ended') && e.task === task)!;
  expect(cut).toBeDefined();
  expect(cancelWarning(events)).toBe(true);
  expect(ticksAfter(events, cut.seq)).toEqual([]);
}

describe('abortRun', () => {
  it('a step that throws while its interval is pending', async () => {
    const ws = workspace([step('{ n: 0 }', `${TICKING} await connectors.utils.sleep({ milliseconds: 5 }); throw new Error('boom');`)], { n: 0 });
    const run = createRun(ws, { host: nodeHost });
    await run.runToEnd();
    await check(run.events);
    expect(run.events.some((e) => e.kind === 'log' && e.text.startsWith('tick'))).toBe(true);
  });

  it('a step over maxDataBytes at commit', async () => {
    const ws = workspace(
      [step('{ n: 0 }', `${TICKING} await connectors.utils.sleep({ milliseconds: 3 }); data.big = 'x'.repeat(5000);`)],
      { n: 0 },
      { limits: { maxDataBytes: 1000 } },
    );
    const run = createRun(ws, { host: nodeHost });
    await run.runToEnd();
    await check(run.events);
  });

  it('a task that expires mid-step', async () => {
    const ws = workspace([step('{ n: 0 }', `task.timeout(5); ${TICKING} await connectors.utils.sleep({ milliseconds: 50 });`)], { n: 0 });
    const run = createRun(ws, { host: nodeHost });
    const result = await run.runToEnd();
    await check(run.events);
    expect(result.tasks[0].error?.message).toBe('task expired');
  });

  it('stop() while a step awaits', async () => {
    const ws = workspace([step('{ n: 0 }', `${TICKING} await connectors.utils.sleep({ milliseconds: 50 });`)], { n: 0 });
    const run = createRun(ws, { host: nodeHost });
    await run.runUntil((e) => e.kind === 'log' && e.text.startsWith('tick'));
    run.stop();
    await run.runUntil();
    await check(run.events);
    expect(run.dataOf('t0')).toEqual({ n: 0 });
  });

  it('the step limit, reached while another task has a step with a pending interval', async () => {
    const ws = workspace(
      [
        step('{ role: "parent" }', `task.subtask('child', { role: 'child', n: 0 }); data.role = 'spawned';`),
        step('{ role: "child", n: 0 }', `${TICKING} await connectors.utils.sleep({ milliseconds: 50 });`),
        step('{ role: "spawned" }', `data.k = (data.k ?? 0) + 1; step.redo();`),
      ],
      { role: 'parent' },
      { limits: { maxSteps: 6 } },
    );
    const run = createRun(ws, { host: nodeHost });
    await run.runToEnd();
    await check(run.events, 't1');
    expect(run.events.find((e) => e.kind === 'task-ended' && e.task === 't1')).toMatchObject({ status: 'waiting' });
  });

  // A step changes in place a long list its task copied before (jsonDraft.ts): cut short, it
  // must leave that list exactly as it was, for the data the task ends with and for the sizes.
  describe('a step that changed a long list in place', () => {
    const rows = () => Array.from({ length: 100 }, (_, id) => ({ id, v: 0 }));
    const first = step('{ n: 0 }', 'data.rows[0].v = 1; data.n = 1;');
    const expected = () => ({ n: 1, rows: rows().map((r) => (r.id === 0 ? { ...r, v: 1 } : r)) });

    it('and then threw', async () => {
      const ws = workspace([first, step('{ n: 1 }', 'data.rows[5].v = 9; data.rows.push({ id: 100 }); delete data.rows[7].v; throw new Error("boom");')], {
        n: 0,
        rows: rows(),
      });
      const run = createRun(ws, { host: nodeHost });
      await run.runToEnd();
      expect(run.events.some((e) => e.kind === 'step-failed')).toBe(true);
      expect(JSON.stringify(run.dataOf('t0'))).toBe(JSON.stringify(expected()));
    });

    it('and went over maxDataBytes', async () => {
      const bytes = JSON.stringify(expected()).length;
      const ws = workspace(
        [first, step('{ n: 1 }', 'data.rows[5].v = "x".repeat(500); data.n = 2;')],
        { n: 0, rows: rows() },
        { limits: { maxDataBytes: bytes + 100 } },
      );
      const run = createRun(ws, { host: nodeHost });
      await run.runToEnd();
      expect(run.events.find((e) => e.kind === 'step-failed')).toMatchObject({ step: 1 });
      expect(run.dataOf('t0')).toEqual({ ...expected(), n: 1 });
    });
  });
});
