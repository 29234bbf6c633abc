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
});
