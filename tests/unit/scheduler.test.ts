import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/types.ts';
import { nodeHost, run, runSteps, step, workspace } from './helpers.ts';

const kinds = (events: TraceEvent[], kind: TraceEvent['kind']) => events.filter((e) => e.kind === kind);

describe('ready set and priority (section 4)', () => {
  it('runs the first ready step in workspace order and records the whole ready set', async () => {
    const result = await runSteps([step('{ go: true }', 'data.a = 1;'), step('{ go: true }', 'data.b = 1;')], { go: true });
    expect(result.ran).toEqual(['S1', 'S2']);
    const first = kinds(result.events, 'evaluated')[0];
    expect(first.kind === 'evaluated' && first.ready).toEqual([0, 1]);
  });

  it('runs a step at most once per task without redo', async () => {
    const result = await runSteps([step('{ n: Number }', 'data.n++;')], { n: 0 });
    expect(result.ran).toEqual(['S1']);
    expect(result.data.n).toBe(1);
    expect(result.status).toBe('incomplete');
  });

  it('re-arms a step with step.redo()', async () => {
    const result = await runSteps([step('{ n: { $lt: 3 } }', 'data.n++; step.redo();')], { n: 0 });
    expect(result.ran).toEqual(['S1', 'S1', 'S1']);
    expect(result.data.n).toBe(3);
  });

  it('skips disabled and invalid steps, and reports invalid ones', async () => {
    const result = await runSteps(
      [{ source: step('{ go: true }', 'data.x = 1;'), enabled: false }, 'export const condition = {', step('{ go: true }', 'data.y = 1;')],
      { go: true },
    );
    expect(result.ran).toEqual(['S3']);
    expect(result.invalid.map((i) => [i.step, i.line])).toEqual([['S2', 1]]);
  });
});

describe('end statuses', () => {
  it('done on task.complete(result), keeping the step changes', async () => {
    const result = await runSteps([step('{ a: 1 }', 'data.a = 2; task.complete({ ok: true });')], { a: 1 });
    expect(result.status).toBe('done');
    expect(result.result).toEqual({ ok: true });
    expect(result.data).toEqual({ a: 2 });
  });

  it('done when the data becomes {}', async () => {
    const result = await runSteps([step('{ a: 1 }', 'delete data.a;')], { a: 1 });
    expect(result.status).toBe('done');
  });

  it('ignored on task.ignore()', async () => {
    expect((await runSteps([step('{ a: 1 }', 'task.ignore();')], { a: 1 })).status).toBe('ignored');
  });

  it('incomplete when no step matches', async () => {
    const result = await runSteps([step('{ a: 2 }', '')], { a: 1 });
    expect(result.status).toBe('incomplete');
    expect(result.ran).toEqual([]);
  });

  it('error when a step throws, with the line and column in its source', async () => {
    const result = await runSteps([step('{ a: 1 }', '  data.a = 5;\n  const x = null;\n  x.boom();')], { a: 1 });
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/^TypeError: Cannot read properties of null/);
    expect([result.error?.step, result.error?.line, result.error?.column]).toEqual(['S1', 5, 5]);
  });
});

describe('atomic steps', () => {
  it('applies none of a failing step’s changes, connector into-writes included', async () => {
    const ws = workspace(
      [step('{ a: 1 }', 'data.a = 2; data.added = true; await connectors.api.get({ into: "fetched" }); throw new Error("nope");')],
      { a: 1 },
      { connectors: { api: { get: { responses: [{ returns: { v: 1 } }] } } } },
    );
    const result = await run(ws);
    expect(result.status).toBe('error');
    expect(result.error?.message).toBe('nope');
    expect(result.data).toEqual({ a: 1 });
    expect(kinds(result.events, 'step-finished')).toHaveLength(0);
  });
});

describe('park, timeout and completeOnExpire', () => {
  it('parks on the virtual clock, then evaluates again', async () => {
    const result = await runSteps([step('{ tries: { $lt: 2 } }', 'data.tries++; task.park(5000); step.redo();')], { tries: 0 });
    expect(result.data.tries).toBe(2);
    const parks = kinds(result.events, 'park');
    expect(parks.map((p) => p.t)).toEqual([0, 5000]);
    expect(kinds(result.events, 'resume').map((r) => r.t)).toEqual([5000, 10000]);
    expect(result.virtualTimeMs).toBe(10000);
  });

  it('ends a task with error "task expired" after task.timeout', async () => {
    const result = await runSteps([step('{ a: 1 }', 'task.timeout(1000); data.a = 2; task.park(60000);')], { a: 1 });
    expect(result.status).toBe('error');
    expect(result.error?.message).toBe('task expired');
    expect(result.virtualTimeMs).toBe(1000);
  });

  it('ends done with the given result when completeOnExpire was called', async () => {
    const result = await runSteps([step('{ a: 1 }', 'task.timeout(1000); task.completeOnExpire({ late: true }); task.park(60000);')], { a: 1 });
    expect(result.status).toBe('done');
    expect(result.result).toEqual({ late: true });
  });
});

describe('subtasks', () => {
  const child = step('{ job: Number }', 'await connectors.utils.sleep({ milliseconds: data.job * 100 }); task.complete({ doubled: data.job * 2 });');

  it('waitFor holds the parent until every child ended, and writes { status, result } at into', async () => {
    const parent = step(
      '{ start: true }',
      'task.subtask("one", { job: 3 }, { into: "results.0", waitFor: true }); task.subtask("two", { job: 1 }, { into: "results.1", waitFor: true }); data.start = false;',
    );
    const after = step('{ results: Array }', 'data.sawResults = data.results.length;');
    const result = await runSteps([parent, child, after], { start: true });
    expect(result.data.results).toEqual([
      { status: 'done', result: { doubled: 6 } },
      { status: 'done', result: { doubled: 2 } },
    ]);
    expect(result.data.sawResults).toBe(2);
    const ends = result.events.filter((e) => e.kind === 'task-ended' && e.task !== 't0').map((e) => [e.task, e.t]);
    expect(ends).toEqual([
      ['t2', 100],
      ['t1', 300],
    ]);
    const afterStart = result.events.find((e) => e.kind === 'step-started' && e.step === 2);
    expect(afterStart?.t).toBe(300);
  });

  it('without waitFor the parent goes on and the result arrives later', async () => {
    const parent = step('{ start: true }', 'task.subtask("bg", { job: 5 }, { into: "bg" }); data.start = false;');
    const goOn = step('{ start: false }', 'data.wentOn = Date.now();');
    const onResult = step('{ bg: { status: "done" } }', 'data.gotResult = Date.now(); task.complete();');
    const result = await runSteps([parent, child, goOn, onResult], { start: true }, { startTime: '1970-01-01T00:00:00.000Z' });
    expect(result.data.wentOn).toBe(0);
    expect(result.data.gotResult).toBe(500);
    expect(result.status).toBe('done');
  });

  it('a child ending in error gives { status: "error", error }', async () => {
    const parent = step('{ start: true }', 'task.subtask("bad", { bad: true }, { into: "child", waitFor: true }); data.start = false;');
    const bad = step('{ bad: true }', 'throw new Error("child broke");');
    const result = await runSteps([parent, bad], { start: true });
    expect(result.data.child).toEqual({ status: 'error', error: 'child broke' });
    expect(result.tasks.map((t) => [t.id, t.parent, t.status])).toEqual([
      ['t0', null, 'incomplete'],
      ['t1', 't0', 'error'],
    ]);
  });

  it('a result wakes a parked parent early', async () => {
    const parent = step('{ start: true }', 'task.subtask("c", { job: 2 }, { into: "c" }); data.start = false; task.park(100000);');
    const result = await runSteps([parent, child, step('{ c: Object }', 'task.complete();')], { start: true });
    expect(kinds(result.events, 'resume').map((r) => r.kind === 'resume' && r.reason)).toEqual(['data']);
    expect(result.virtualTimeMs).toBe(200);
  });

  it('creates arrays where the into path continues with a number', async () => {
    const parent = step('{ start: true }', 'task.subtask("c", { job: 1 }, { into: "list.2.r", waitFor: true }); data.start = false;');
    const result = await runSteps([parent, child], { start: true });
    expect(Array.isArray(result.data.list)).toBe(true);
    expect((result.data.list as unknown[])[2]).toEqual({ r: { status: 'done', result: { doubled: 2 } } });
  });
});

describe('limits (section 7)', () => {
  it('stops at maxSteps with "step limit reached"', async () => {
    const result = await runSteps([step('{ n: Number }', 'data.n++; step.redo();')], { n: 0 }, { limits: { maxSteps: 50 } });
    expect(result.status).toBe('error');
    expect(result.error?.message).toBe('step limit reached (50)');
    expect(result.stepRuns).toBe(50);
  });

  it('makes task.subtask throw past maxSubtasks', async () => {
    const result = await runSteps(
      [step('{ go: true }', 'try { for (let i = 0; i < 5; i++) task.subtask("c" + i, { c: i }); } catch (e) { data.error = e.message; } data.go = false;')],
      { go: true },
      { limits: { maxSubtasks: 3 } },
    );
    expect(result.data.error).toBe('subtask limit reached (3)');
    expect(result.tasks).toHaveLength(4);
  });

  it('rejects a step that grows the data past maxDataBytes, atomically', async () => {
    const result = await runSteps([step('{ a: 1 }', 'data.big = "x".repeat(5000);')], { a: 1 }, { limits: { maxDataBytes: 2000 } });
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/too large after this step: \d+ bytes of JSON exceeds maxDataBytes \(2000\)/);
    expect(result.data).toEqual({ a: 1 });
  });

  it('fails a step that awaits a promise that never resolves, instead of hanging', async () => {
    const result = await runSteps([step('{ a: 1 }', 'await new Promise(() => {});')], { a: 1 });
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/never resolves/);
  });
});

describe('deterministic time and chance (section 5)', () => {
  it('Date, setTimeout and Math.random follow the virtual clock and seed', async () => {
    const body = `data.start = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 1500));
      data.after = Date.now();
      data.rand = [Math.random(), Math.random()];
      data.floor = Math.floor(2.7);`;
    const ws = workspace([step('{ a: 1 }', body)], { a: 1 }, { startTime: '2025-03-01T10:00:00.000Z', seed: 7 });
    const a = await run(ws);
    const b = await run(ws);
    expect(a.data.start).toBe('2025-03-01T10:00:00.000Z');
    expect(a.data.after).toBe(Date.parse('2025-03-01T10:00:01.500Z'));
    expect(a.data.floor).toBe(2);
    expect(a.data.rand).toEqual(b.data.rand);
    const c = await run({ ...ws, seed: 8 });
    expect(c.data.rand).not.toEqual(a.data.rand);
  });

  it('interleaves tasks on the clock, ties in scheduling order', async () => {
    const parent = step(
      '{ start: true }',
      'task.subtask("slow", { wait: 300 }, { into: "slow" }); task.subtask("fast", { wait: 100 }, { into: "fast" }); data.start = false;',
    );
    const waiter = step(
      '{ wait: Number }',
      'console.log("begin", task.name()); await connectors.utils.sleep({ milliseconds: data.wait }); console.log("end", task.name());',
    );
    const result = await runSteps([parent, waiter], { start: true });
    expect(result.logs.map((l) => [l.t, l.text])).toEqual([
      [0, 'begin slow'],
      [0, 'begin fast'],
      [100, 'end fast'],
      [300, 'end slow'],
    ]);
  });
});

describe('connector mocks (section 6)', () => {
  const mocks = {
    api: {
      flaky: { latencyMs: 200, responses: [{ throws: 'card declined' }, { returns: { id: 'pi_1' } }] },
      code: { latencyMs: 50, source: 'export default async (args, call) => ({ echo: args.x, call, at: Date.now() })' },
    },
  };

  it('uses scripted responses in order, the last repeating, with latency', async () => {
    const body = `data.out = [];
      for (let i = 0; i < 3; i++) { try { data.out.push((await connectors.api.flaky({})).id); } catch (e) { data.out.push(e.message); } }`;
    const result = await run(workspace([step('{ a: 1 }', body)], { a: 1 }, { connectors: mocks }));
    expect(result.data.out).toEqual(['card declined', 'pi_1', 'pi_1']);
    expect(result.virtualTimeMs).toBe(600);
    expect(kinds(result.events, 'connector-call')).toHaveLength(3);
  });

  it('runs code mocks with the call number, in the virtual sandbox', async () => {
    const body = 'data.r1 = await connectors.api.code({ x: 1 }); data.r2 = await connectors.api.code({ x: 2 });';
    const result = await run(workspace([step('{ a: 1 }', body)], { a: 1 }, { connectors: mocks, startTime: '1970-01-01T00:00:00.000Z' }));
    expect(result.data.r1).toEqual({ echo: 1, call: 1, at: 0 });
    expect(result.data.r2).toEqual({ echo: 2, call: 2, at: 50 });
  });

  it('writes results at args.into', async () => {
    const result = await run(workspace([step('{ a: 1 }', 'await connectors.api.code({ x: 9, into: "lookup.result" });')], { a: 1 }, { connectors: mocks }));
    expect((result.data.lookup as { result: { echo: number } }).result.echo).toBe(9);
  });

  it('throws a catchable error naming the connector and method when no mock exists', async () => {
    const body = 'try { await connectors.stripe.createPaymentIntent({}); } catch (e) { data.error = e.message; }';
    const result = await runSteps([step('{ a: 1 }', body)], { a: 1 });
    expect(result.data.error).toBe('connector "stripe" has no mock for "createPaymentIntent"');
  });

  it('connectors.utils.sleep waits on the virtual clock', async () => {
    const result = await runSteps([step('{ a: 1 }', 'await connectors.utils.sleep({ milliseconds: 2500 }); data.a = 2;')], { a: 1 });
    expect(result.virtualTimeMs).toBe(2500);
  });

  it('a step awaiting the virtual clock waits for no host macrotask between its awaits', async () => {
    let yields = 0;
    const host = { yieldMacrotask: () => (yields++, nodeHost.yieldMacrotask()) };
    const sleeps = step('{ a: 1 }', 'for (let i = 0; i < 50; i++) await connectors.utils.sleep({ milliseconds: 10 }); data.a = 2;');
    const slept = await run(workspace([sleeps], { a: 1 }), { host });
    expect([slept.data.a, slept.virtualTimeMs, yields]).toEqual([2, 500, 0]);
  });
});

describe('runtime API', () => {
  it('records logs, audit entries and visualize output with the step and time', async () => {
    const body = `console.log('hi', { a: 1 }); console.warn('careful'); audit.log('audited'); task.visualize({ type: 'table', name: 'T', data: [{ a: 1 }] });`;
    const result = await runSteps([step('{ a: 1 }', body)], { a: 1 });
    expect(result.logs.map((l) => [l.level, l.text, l.step])).toEqual([
      ['log', 'hi {"a":1}', 'S1'],
      ['warn', 'careful', 'S1'],
      ['audit', 'audited', 'S1'],
    ]);
    expect(kinds(result.events, 'visualize')[0]).toMatchObject({ type: 'table', name: 'T', data: [{ a: 1 }] });
  });

  it('provides task.id, task.name, task.tags and task.config', async () => {
    const body =
      'data.id = task.id(); task.name("Renamed"); data.name = task.name(); task.tags(["x"]); data.tags = task.tags(); data.key = task.config("API_KEY");';
    const result = await run(workspace([step('{ a: 1 }', body)], { a: 1 }, { config: { API_KEY: 'test' } }));
    expect(result.data).toMatchObject({ id: 't0', name: 'Renamed', tags: ['x'], key: 'test' });
  });

  it('stores Dates written into data as ISO strings', async () => {
    const result = await runSteps([step('{ a: 1 }', 'data.when = new Date(0);')], { a: 1 });
    expect(result.data.when).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('read index regressions found by the scheduler oracle', () => {
  it('truncating an array re-tests conditions on its elements', async () => {
    const result = await runSteps([step('{ "b.0": null }', 'data.hit = true;'), step('{ go: true }', 'data.go = false; data.b.length = 0;')], {
      go: true,
      b: [2],
    });
    expect(result.ran).toEqual(['S2', 'S1']);
  });

  it('records flips in step order whatever the order the index found them', async () => {
    const result = await runSteps([step('{ "a.b": 0 }', 'data.a.b = 1;'), step('{ "a.b": { $ne: 0 }, a: {} }', 'delete data.a.b;')], { a: { b: 0 } });
    const flips = result.events.flatMap((e) => (e.kind === 'evaluated' ? [e.flips] : []));
    expect(flips[1]).toEqual([
      [0, false],
      [1, true],
    ]);
  });
});
