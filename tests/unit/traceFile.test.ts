import { describe, expect, it } from 'vitest';
import { traceFromDocument, traceToFile } from '../../src/share/traceFile.ts';
import { createDataIndex } from '../../src/engine/traceFold.ts';
import { run, step, workspace } from './helpers.ts';

describe('trace files', () => {
  it('round-trip a run exactly, and replay from the file alone', async () => {
    const ws = workspace([step('{ n: { $lt: 3 } }', 'data.n++; step.redo(); await connectors.utils.sleep({ milliseconds: 10 });')], { n: 0 });
    const result = await run(ws);
    const back = traceFromDocument(JSON.parse(traceToFile(ws, 'Task', result.events)));
    expect(back.workspace).toEqual(ws);
    expect(back.events).toEqual(JSON.parse(JSON.stringify(result.events)));
    const last = back.events[back.events.length - 1];
    expect(createDataIndex(back.events).dataAt('t0', last.seq)).toEqual({ n: 3 });
  });

  it('gives a clear error for another version, another kind of file, or a damaged trace', async () => {
    const ws = workspace([step('{ a: 1 }', '')], { a: 1 });
    const doc = JSON.parse(traceToFile(ws, 'Task', (await run(ws)).events));
    expect(() => traceFromDocument({ ...doc, version: 2 }, 'run.trace.json')).toThrow('run.trace.json is a version 2 trace; this Steplab reads version 1');
    expect(() => traceFromDocument({ steps: [] }, 'x.json')).toThrow('x.json is not a Steplab trace');
    expect(() => traceFromDocument({ ...doc, events: [{ kind: 'nope' }] }, 't.json')).toThrow('t.json: event 0 is not a trace event');
    expect(() => traceFromDocument({ ...doc, events: doc.events.slice(1).map((e: object, i: number) => ({ ...e, seq: i })) }, 't.json')).toThrow(
      'must start with a task-created event',
    );
  });

  it('hold every branch and say which is active; the active run stays on top for readers without branches', async () => {
    const ws = workspace([step('{ n: { $lt: 3 } }', 'data.n++; step.redo(); await connectors.utils.sleep({ milliseconds: 10 });')], { n: 0 });
    const main = await run(ws);
    const fork = await run(ws, { data: { n: 2 }, startAt: 10 });
    const list = [
      { id: 1, name: 'main', parent: null, forkedAt: null, workspace: ws, events: main.events },
      { id: 2, name: 'branch 2 (from main at t = 0.010 s)', parent: 1, forkedAt: { seq: 5, t: 10 }, startData: { n: 2 }, workspace: ws, events: fork.events },
      { id: 3, name: 'branch 3 (not run)', parent: 1, forkedAt: { seq: 5, t: 10 }, startData: { n: 9 }, workspace: null, events: [] },
    ];
    const text = traceToFile(ws, 'Task', fork.events, { list, active: 2 });
    const back = traceFromDocument(JSON.parse(text));
    expect(back.active).toBe(2);
    expect(back.events).toEqual(JSON.parse(JSON.stringify(fork.events)));
    expect(back.branches).toEqual(JSON.parse(JSON.stringify(list)));
    // A fork's events go on from its fork time.
    expect(back.branches![1].events[0].t).toBe(10);
    // One branch alone is written as a plain trace, as before.
    expect(JSON.parse(traceToFile(ws, 'Task', main.events, { list: list.slice(0, 1), active: 1 }))).not.toHaveProperty('branches');
    const doc = JSON.parse(text);
    expect(() => traceFromDocument({ ...doc, active: 7 }, 'b.json')).toThrow('b.json: "active" must name one of its branches');
    doc.branches[1].events = doc.branches[1].events.slice(1);
    expect(() => traceFromDocument(doc, 'b.json')).toThrow('b.json, branch 2: events must be in order (event 0 has seq 1)');
  });
});
