// Pins the rules settled on 2026-11-28 (semantics.md, marked "new") and issue 10's deviations.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import { MAX_LOG_CHARS } from '../../src/engine/limits.ts';
import type { TraceEvent } from '../../src/engine/types.ts';
import { nodeHost, run, runSteps, step, workspace } from './helpers.ts';

const kinds = (events: TraceEvent[], kind: TraceEvent['kind']) => events.filter((e) => e.kind === kind);
const logs = (events: TraceEvent[]) => events.flatMap((e) => (e.kind === 'log' ? [e.text] : []));

describe('task.complete(result) (4.7)', () => {
  for (const [arg, expected] of [
    ['null', null],
    ['0', 0],
    ['false', false],
    ['""', ''],
  ] as const) {
    it(`complete(${arg}) gives exactly ${arg}, at the root and through into`, async () => {
      const root = await runSteps([step('{ a: 1 }', `task.complete(${arg});`)], { a: 1 });
      expect([root.status, root.result]).toEqual(['done', expected]);
      const parent = await runSteps(
        [
          step('{ kid: true }', `task.complete(${arg});`),
          step('{ go: true }', 'data.go = false; task.subtask("c", { kid: true }, { into: "r", waitFor: true });'),
          step('{ r: Object }', 'data.got = data.r;'),
        ],
        { go: true },
      );
      expect(parent.data.got).toEqual({ status: 'done', result: expected });
    });
  }

  it('complete() and complete(undefined) give the final data', async () => {
    for (const call of ['task.complete()', 'task.complete(undefined)']) {
      const result = await runSteps([step('{ a: 1 }', `data.b = 2; ${call};`)], { a: 1 });
      expect(result.result).toEqual({ a: 1, b: 2 });
    }
  });
});

describe('waitFor with a park (5)', () => {
  it('a result arriving at into cuts the park short, but no step runs until every waited-for child ended', async () => {
    const result = await runSteps(
      [
        step('{ fast: true }', 'task.complete("fast");'),
        step('{ slow: true }', 'await connectors.utils.sleep({ milliseconds: 500 }); task.complete("slow");'),
        step(
          '{ go: true }',
          'data.go = false; task.subtask("f", { fast: true }, { into: "f", waitFor: true }); task.subtask("s", { slow: true }, { into: "s", waitFor: true }); task.park(10000);',
        ),
        step('{ f: Object }', 'data.sawSlow = data.s !== undefined; task.complete();'),
      ],
      { go: true },
    );
    expect(result.data.sawSlow).toBe(true);
    const resumes = kinds(result.events, 'resume').filter((e) => e.task === 't0');
    expect(resumes.map((e) => e.kind === 'resume' && e.reason)).toEqual(['data', 'children']);
    expect(result.virtualTimeMs).toBeLessThan(10000);
  });

  it('a park that runs out first still waits for the children', async () => {
    const result = await runSteps(
      [
        step('{ slow: true }', 'await connectors.utils.sleep({ milliseconds: 500 }); task.complete(1);'),
        step('{ go: true }', 'data.go = false; task.subtask("s", { slow: true }, { waitFor: true }); task.park(100);'),
        step('{ go: false }', 'data.at = Date.now() - Date.parse("2025-01-01T00:00:00.000Z"); task.complete();'),
      ],
      { go: true },
    );
    expect(result.data.at).toBe(500);
  });
});

describe('maxDataBytes: exact UTF-8 bytes of the JSON, after every change (7)', () => {
  const limits = (maxDataBytes: number) => ({ limits: { maxDataBytes } });
  it('counts UTF-8 bytes and escapes exactly, at the boundary', async () => {
    // {"s":"<value>"}: 8 bytes of frame; "é" is 2 bytes, "\n" is 2, "😀" is 4.
    const value = 'é\n😀"';
    const bytes = new TextEncoder().encode(JSON.stringify({ s: value })).length;
    const ok = await runSteps([step('{ s: null }', `data.s = ${JSON.stringify(value)};`)], {}, limits(bytes));
    expect(ok.status).toBe('incomplete');
    const over = await runSteps([step('{ s: null }', `data.s = ${JSON.stringify(value)};`)], {}, limits(bytes - 1));
    expect(over.status).toBe('error');
    expect(over.error?.message).toContain(`${bytes} bytes of JSON exceeds maxDataBytes (${bytes - 1})`);
  });

  it('checks starting data', async () => {
    const result = await runSteps([step('{ a: String }', 'data.b = 1;')], { a: 'x'.repeat(100) }, limits(50));
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/starting data is too large/);
    expect(result.stepRuns).toBe(0);
  });

  it('ends the parent in error when a subtask result at into would cross the limit', async () => {
    const result = await runSteps(
      [
        step('{ kid: true }', 'task.complete("y".repeat(380));'),
        step('{ go: true }', 'data.go = false; task.subtask("c", { kid: true }, { into: "r" });'),
        step('{ r: Object }', 'data.seen = 1;'),
      ],
      { go: true },
      limits(400),
    );
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/with the result of subtask t1 at "r": \d+ bytes of JSON exceeds maxDataBytes \(400\)/);
    expect(result.data).toEqual({ go: false });
  });

  it('a complete() result, subtask data and connector results over the limit throw into the step', async () => {
    const big = '"z".repeat(500)';
    const result = await runSteps(
      [
        step(
          '{ a: 1 }',
          `
          try { task.complete(${big}); } catch (e) { data.complete = e.message; }
          try { task.subtask("c", { big: ${big} }); } catch (e) { data.subtask = e.message; }
          try { await connectors.api.get(); } catch (e) { data.connector = e.message; }
          task.complete("small");`,
        ),
      ],
      { a: 1 },
      { limits: { maxDataBytes: 400 }, connectors: { api: { get: { source: 'export default async () => "q".repeat(1000)' } } } },
    );
    expect(result.status).toBe('done');
    expect(result.data.complete).toMatch(/the result of task.complete\(\) is too large: 502 bytes/);
    expect(result.data.subtask).toMatch(/the data of task.subtask\(\) is too large/);
    expect(result.data.connector).toMatch(/the result of connectors.api.get\(\) is too large/);
    expect(result.tasks).toHaveLength(1);
  });
});

describe('values written into data follow JSON (5)', () => {
  it('data.x = undefined removes the key', async () => {
    const result = await runSteps([step('{ a: 1 }', 'data.a = undefined; data.n = { k: undefined, j: 1 }; data.l = [undefined];')], { a: 1 });
    expect(result.data).toEqual({ n: { j: 1 }, l: [null] });
    expect('a' in result.data).toBe(false);
  });

  it('a function, a circular object or a BigInt fails the step, naming the path', async () => {
    const cases: [string, RegExp][] = [
      ['data.order = { pay: () => 1 };', /^data\.order\.pay is a function/],
      ['const o = { n: 1 }; o.self = o; data.loop = o;', /^data\.loop\.self is a circular reference/],
      ['data.list = [1, 2n];', /^data\.list\.1 is a BigInt/],
      ['data = { f() {} };', /^data\.f is a function/],
    ];
    for (const [body, message] of cases) {
      const result = await runSteps([step('{ a: 1 }', body)], { a: 1 });
      expect(result.status).toBe('error');
      expect(result.error?.message).toMatch(message);
      expect(result.data).toEqual({ a: 1 });
    }
  });

  it('Dates are stored as ISO strings and match the Date pattern', async () => {
    const result = await runSteps([step('{ a: 1 }', 'data.at = new Date(); data.a = 2;'), step('{ at: Date }', 'task.complete(data.at);')], { a: 1 });
    expect(result.result).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('conditions at run time (3)', () => {
  it('prototype names are not data', async () => {
    const result = await runSteps([step('{ toString: null, constructor: { $exists: false } }', 'task.complete("ok");')], { a: 1 });
    expect(result.result).toBe('ok');
  });

  it('a throwing dynamic condition does not match and records one condition-error until the message changes', async () => {
    const result = await runSteps([step('{ n: { $lt: data.box.max } }', 'task.complete();'), step('{ i: { $lt: 3 } }', 'data.i++; step.redo();')], {
      i: 0,
      n: 1,
    });
    const errors = kinds(result.events, 'condition-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'condition-error', task: 't0', step: 0 });
    expect((errors[0] as { message: string }).message).toMatch(/max/);
    expect(result.status).toBe('incomplete');
  });
});

describe('timers inside a step (5)', () => {
  it('a setTimeout callback that throws fails the step, atomically', async () => {
    const result = await runSteps(
      [step('{ a: 1 }', 'data.b = 1; setTimeout(() => { throw new Error("tick failed"); }, 10); await connectors.utils.sleep({ milliseconds: 50 });')],
      { a: 1 },
    );
    expect(result.status).toBe('error');
    expect(result.error?.message).toBe('tick failed');
    expect(result.data).toEqual({ a: 1 });
  });

  it('an async callback that rejects fails the step too', async () => {
    const result = await runSteps([step('{ a: 1 }', 'setTimeout(async () => { throw new Error("later"); }, 10); await new Promise(() => {});')], { a: 1 });
    expect(result.error?.message).toBe('later');
  });

  it('timers still pending when the step finishes are cancelled, with a warning naming how many', async () => {
    const result = await runSteps([step('{ a: 1 }', 'setTimeout(() => { data.late = 1; }, 100); setInterval(() => {}, 5); data.b = 1;')], { a: 1 });
    expect(result.data).toEqual({ a: 1, b: 1 });
    expect(logs(result.events).some((t) => /^2 timers were still pending when the step ended and were cancelled/.test(t))).toBe(true);
  });

  it('a delay past 2^31 - 1 ms fires at once instead of moving the clock to Infinity', async () => {
    const result = await runSteps([step('{ a: 1 }', 'await new Promise((r) => setTimeout(r, Infinity)); data.at = new Date();')], { a: 1 });
    expect(result.data.at).toBe('2025-01-01T00:00:00.001Z');
  });

  it('an interval left running while the step awaits forever hits the timer limit', async () => {
    // A long stepTimeoutMs: this test is about the timer limit, whatever the machine's load.
    const result = await runSteps(
      [step('{ a: 1 }', 'let n = 0; setInterval(() => { n++; }, 10); await new Promise(() => {});')],
      { a: 1 },
      { limits: { stepTimeoutMs: 600_000 } },
    );
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/^timer limit reached: 10000 setTimeout\/setInterval callbacks/);
  });
});

describe('connector mocks (6)', () => {
  it('a code mock returning a circular object fails the call with a clear message', async () => {
    const ws = workspace(
      [step('{ a: 1 }', 'await connectors.api.get();')],
      { a: 1 },
      { connectors: { api: { get: { source: 'export default async () => { const o = {}; o.o = o; return o; }' } } } },
    );
    const result = await run(ws);
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/^mock api.get returned something the step cannot receive: the value it returned, at o, is a circular reference/);
  });
});

describe('limits (7, 4.9)', () => {
  it('stepTimeoutMs is the CPU time of all slices of a step run together', async () => {
    let clock = 0;
    const ws = workspace(
      [step('{ a: 1 }', 'for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0)); data.done = true;')],
      { a: 1 },
      { limits: { stepTimeoutMs: 2000 } },
    );
    // Every clock read is 300 ms later: each slice "takes" 300 ms, so the seventh slice crosses 2,000.
    const slices: number[] = [];
    const result = await createRun(ws, {
      host: { ...nodeHost, now: () => (clock += 300) },
      onSlice: (s) => s && slices.push(s.spentMs),
    }).runToEnd();
    expect(result.status).toBe('error');
    expect(result.error?.message).toBe('execution timeout');
    expect(result.data).toEqual({ a: 1 });
    expect(Math.max(...slices)).toBeGreaterThanOrEqual(1800);
  });

  it('a failed step does not use up the maxSubtasks quota', async () => {
    const result = await runSteps(
      [
        step('{ kid: true }', 'data.kid = false; for (let i = 0; i < 3; i++) task.subtask("g", { g: 1 }); throw new Error("no");'),
        step('{ go: true }', 'data.go = false; task.subtask("k", { kid: true }, { into: "k" });'),
        step('{ k: Object }', 'for (let i = 0; i < 3; i++) task.subtask("h", { h: 1 }); task.complete("made them");'),
      ],
      { go: true },
      { limits: { maxSubtasks: 4 } },
    );
    expect(result.result).toBe('made them');
    expect(result.tasks).toHaveLength(5);
  });

  it('when a limit stops another task, the root says so', async () => {
    const result = await runSteps(
      [
        step('{ kid: true }', 'for (let i = 0; i < 5; i++) task.subtask("g", { g: 1 });'),
        step('{ go: true }', 'data.go = false; task.subtask("k", { kid: true }, { into: "k" });'),
      ],
      { go: true },
      { limits: { maxSubtasks: 3 } },
    );
    expect(result.status).toBe('incomplete');
    const rootWarnings = result.events.filter((e) => e.kind === 'log' && e.task === 't0' && e.level === 'warn');
    expect(rootWarnings.map((e) => e.kind === 'log' && e.text)).toEqual(['limit reached in task t1 ("k"): subtask limit reached (3)']);
    expect(result.error?.message).toBe('limit reached in task t1 ("k"): subtask limit reached (3)');
  });

  it('when maxSteps stops the run inside a child, the waiting root says why', async () => {
    const result = await runSteps(
      [step('{ n: Number }', 'data.n++; step.redo();'), step('{ go: true }', 'data.go = false; task.subtask("loop", { n: 0 }, { waitFor: true });')],
      { go: true },
      { limits: { maxSteps: 20 } },
    );
    expect(result.status).toBe('waiting');
    expect(result.tasks[1].error?.message).toBe('step limit reached (20)');
    expect(result.error?.message).toBe('limit reached in task t1 ("loop"): step limit reached (20); the run stopped');
  });

  it('logs are cut at a stated length, and visualize data over maxDataBytes is not recorded', async () => {
    const result = await runSteps(
      [step('{ a: 1 }', `console.log("x".repeat(${MAX_LOG_CHARS + 5})); task.visualize({ type: "table", name: "big", data: "v".repeat(500) });`)],
      { a: 1 },
      { limits: { maxDataBytes: 400 } },
    );
    const [cut, warning] = logs(result.events);
    expect(cut).toMatch(/… \(5 more characters cut; a log entry keeps 10000\)$/);
    expect(warning).toMatch(/^task.visualize\("big"\) not recorded: its data is 502 bytes/);
    expect(kinds(result.events, 'visualize')).toHaveLength(0);
  });
});

describe('bad connector use fails the call, never the engine', () => {
  it('a result that cannot be written at into rejects the call', async () => {
    const ws = workspace(
      [step('{ a: 1 }', 'try { await connectors.api.get({ into: "a.b" }); } catch (e) { data.error = e.message; }')],
      { a: 1 },
      { connectors: { api: { get: { responses: [{ returns: 5 }] } } } },
    );
    const result = await run(ws);
    expect(result.data.error).toMatch(/^connectors.api.get\(\): the result cannot be written to "a.b": cannot write into "a"/);
    expect(result.data.a).toBe(1);
  });

  it('a connector call the step never awaits, which fails, ends quietly', async () => {
    const result = await runSteps([step('{ a: 1 }', 'connectors.missing.call(); data.b = 1;')], { a: 1 });
    expect(result.data).toEqual({ a: 1, b: 1 });
  });

  it('arguments JSON cannot hold throw into the step, naming the path', async () => {
    const result = await runSteps([step('{ a: 1 }', 'await connectors.api.get({ cb: () => 1 });')], { a: 1 });
    expect(result.error?.message).toMatch(/^the arguments of connectors.api.get\(\), at cb, is a function/);
  });

  it('a flood of tiny logs is bounded by the output budget', async () => {
    const result = await runSteps([step('{ a: 1 }', 'for (let i = 0; i < 200000; i++) console.log(".");')], { a: 1 }, { limits: { stepTimeoutMs: 600_000 } });
    const count = kinds(result.events, 'log').length;
    expect(count).toBeLessThan(200000);
    expect(logs(result.events).filter((t) => /^output limit reached/.test(t))).toHaveLength(1);
  });
});

describe('children outlive their parent (4.8), failures stay in their task (4.9)', () => {
  it('a child goes on after its parent is done; its result is not written into the ended parent', async () => {
    const result = await runSteps(
      [
        step('{ kid: true }', 'await connectors.utils.sleep({ milliseconds: 100 }); task.complete("late");'),
        step('{ go: true }', 'data.go = false; task.subtask("c", { kid: true }, { into: "r" }); task.complete("parent");'),
      ],
      { go: true },
    );
    expect(result.result).toBe('parent');
    expect(result.tasks.map((t) => [t.id, t.status, t.result])).toEqual([
      ['t0', 'done', 'parent'],
      ['t1', 'done', 'late'],
    ]);
    expect(kinds(result.events, 'subtask-ended')).toHaveLength(0);
    expect(result.virtualTimeMs).toBe(100);
  });

  it('a child over a limit ends in error; its parent gets the error through into and goes on', async () => {
    const result = await runSteps(
      [
        step('{ kid: true }', 'data.big = "x".repeat(500);'),
        step('{ go: true }', 'data.go = false; task.subtask("c", { kid: true }, { into: "r", waitFor: true });'),
        step('{ r: { status: "error" } }', 'task.complete(data.r.error);'),
      ],
      { go: true },
      { limits: { maxDataBytes: 300 } },
    );
    expect(result.status).toBe('done');
    expect(result.result).toMatch(/^task data is too large after this step/);
    expect(logs(result.events).some((t) => t.startsWith('limit reached in task t1 ("c"): task data is too large'))).toBe(true);
  });
});
