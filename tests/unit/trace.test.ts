import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import { applyPatches, createDataIndex, patchesOf } from '../../src/engine/traceFold.ts';
import type { JsonObject } from '../../src/engine/types.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { nodeHost, run, step, workspace } from './helpers.ts';

describe('trace', () => {
  it('records the event kinds of section 8 with seq, time and task', async () => {
    const ws = workspace(
      [
        step(
          '{ start: true }',
          'console.log("go"); task.visualize({ type: "data", name: "d", data: 1 }); await connectors.utils.sleep({ milliseconds: 10 }); task.subtask("c", { child: true }, { into: "c", waitFor: true }); data.start = false; task.park(5);',
        ),
        step('{ child: true }', 'throw new Error("x")'),
      ],
      { start: true },
    );
    const result = await run(ws);
    const kinds = new Set(result.events.map((e) => e.kind));
    for (const kind of [
      'task-created',
      'evaluated',
      'step-started',
      'log',
      'connector-call',
      'connector-result',
      'step-finished',
      'step-failed',
      'park',
      'resume',
      'subtask-created',
      'subtask-ended',
      'visualize',
      'task-ended',
    ]) {
      expect([kind, kinds.has(kind as never)]).toEqual([kind, true]);
    }
    expect(result.events.map((e) => e.seq)).toEqual(result.events.map((_, i) => i));
    expect(result.events.every((e, i) => i === 0 || e.t >= result.events[i - 1].t)).toBe(true);
  });

  it('rebuilds any task’s data at any event from the trace alone', async () => {
    const ws = workspace([step('{ n: { $lt: 200 } }', 'data.n++; data.hist = data.hist || []; data.hist.push(data.n); step.redo();')], { n: 0 });
    const live: { seq: number; data: JsonObject }[] = [];
    const r = createRun(ws, { host: nodeHost, onEvent: (e) => live.push({ seq: e.seq, data: JSON.parse(JSON.stringify(r.dataOf('t0') ?? {})) }) });
    await r.runToEnd();
    const index = createDataIndex(r.events, 16);
    for (const { seq, data } of live) {
      expect(index.dataAt('t0', seq)).toEqual(data);
    }
    expect(index.dataAt('t0', r.events.length - 1)).toEqual(r.dataOf('t0'));
  });

  it('inverse patches undo each step', async () => {
    const ws = workspace([step('{ a: Number }', 'data.a++; delete data.b; data.c = { d: [1, 2] };')], { a: 1, b: 'x' });
    const result = await run(ws);
    const finished = result.events.find((e) => e.kind === 'step-finished')!;
    if (finished.kind !== 'step-finished') throw new Error('no step-finished');
    expect(applyPatches(result.data, finished.inverse)).toEqual({ a: 1, b: 'x' });
  });

  it('grows with the changes, not with data size times steps', async () => {
    const big = { rows: Array.from({ length: 1000 }, (_, i) => ({ id: i, text: 'x'.repeat(80) })), n: 0 };
    expect(JSON.stringify(big).length).toBeGreaterThan(100_000);
    const ws = workspace([step('{ n: { $lt: 10000 } }', 'data.n++; step.redo();')], big as unknown as JsonObject);
    const result = await run(ws);
    expect(result.stepRuns).toBe(10_000);
    const traceBytes = JSON.stringify(result.events).length;
    expect(traceBytes).toBeLessThan(5 * 1024 * 1024);
    expect(result.events.filter((e) => patchesOf(e)).length).toBe(10_000);
  });
});

describe('run results', () => {
  it("give the root's final data as the trace replays it, for every task of every example", async () => {
    const dir = new URL('../../examples/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const ws = parseWorkspace(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      for (const task of ws.tasks) {
        const result = await createRun(ws, { host: nodeHost, taskName: task.name }).runToEnd();
        const last = result.events[result.events.length - 1].seq;
        expect([file, task.name, result.data]).toEqual([file, task.name, createDataIndex(result.events).dataAt('t0', last)]);
      }
    }
  });
});
