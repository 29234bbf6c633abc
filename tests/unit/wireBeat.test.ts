// Beats cross to the page with their events as JSON text (worker/wireBeat.ts): the page gets the
// same events a structured clone would give, the sandbox frame can merge beats by joining text,
// and anything step code forges in that format is refused.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import { createRunBeats, type Beat } from '../../src/engine/beats.ts';
import { fromWire, toWire } from '../../src/worker/wireBeat.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { nodeHost, step, workspace } from './helpers.ts';

async function beatsOf(ws: ReturnType<typeof workspace>) {
  const beats: Beat[] = [];
  const reporter = createRunBeats(
    (beat) => beats.push(beat),
    () => 0,
  );
  const run = createRun(ws, { host: nodeHost, onEvent: reporter.onEvent, onSlice: reporter.onSlice });
  await run.runUntil();
  reporter.finish();
  return { beats, events: run.events };
}

const rich = workspace(
  [
    step(
      '{ n: { $lt: 3 } }',
      "data.n++; data.list = [...(data.list ?? []), { at: new Date().toISOString(), s: 'é \\u2028 \"q\"' }]; console.log('n', data.n, { deep: [1, null] }); step.redo();",
    ),
    step('{ n: 3 }', 'delete data.list; task.complete({ total: -0, big: 1e21 });'),
  ],
  { n: 0 },
);

describe('wire beats', () => {
  it('carry every event of a run unchanged through the page decoder', async () => {
    const { beats, events } = await beatsOf(rich);
    const decoded = beats.map((beat) => fromWire(structuredClone(toWire(beat))));
    expect(decoded.every((b) => b !== null)).toBe(true);
    expect(decoded.flatMap((b) => b!.events)).toStrictEqual(events);
    expect(decoded.map((b) => [b!.slice, b!.seq])).toEqual(beats.map((b) => [b.slice, b.seq]));
  });

  it('carry every event of every example task unchanged (connectors, timers, parks, subtasks, errors)', async () => {
    const dir = new URL('../../examples/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const ws = parseWorkspace(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      for (const task of ws.tasks) {
        const beats: Beat[] = [];
        const reporter = createRunBeats(
          (beat) => beats.push(beat),
          () => 0,
        );
        const run = createRun(ws, { host: nodeHost, taskName: task.name, onEvent: reporter.onEvent, onSlice: reporter.onSlice });
        await run.runUntil();
        reporter.finish();
        const decoded = beats.flatMap((beat) => fromWire(toWire(beat))?.events ?? [null]);
        expect(decoded, `${file}: ${task.name}`).toStrictEqual(run.events);
      }
    }
  });

  it('merge by joining their text, as the sandbox frame does', async () => {
    const { beats, events } = await beatsOf(rich);
    // A quiet beat (no new events) between them, as a batch's or a long step's beats are.
    const wires = beats.map(toWire);
    wires.splice(1, 0, toWire({ slice: null, events: [], seq: beats[0].seq }));
    const joined = wires.map((w) => w.events).reduce((a, b) => (a === '' ? b : b === '' ? a : `${a},${b}`));
    expect(fromWire({ ...wires[wires.length - 1], events: joined })!.events).toEqual(events);
  });

  it('refuse text that is not JSON, events of the wrong shape, and the old object form', () => {
    const base = { steplab: 'progress', slice: null, seq: 0 };
    expect(fromWire({ ...base, events: '' })).toEqual({ ...base, events: [] });
    expect(fromWire({ ...base, events: '1]; alert(1); [' })).toBeNull();
    expect(fromWire({ ...base, events: '{"kind":"task-ended","seq":"x"}' })).toBeNull();
    expect(fromWire({ ...base, events: [] })).toBeNull();
    expect(fromWire({ ...base, slice: { task: 1 }, events: '' })).toBeNull();
  });
});
