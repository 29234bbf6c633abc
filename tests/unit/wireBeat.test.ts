// Beats cross to the page with their events as JSON text (worker/wireBeat.ts): the page gets the
// same events a structured clone would give, the sandbox frame can merge beats by joining text,
// and anything step code forges in that format is refused. Whole data the page can rebuild is
// left off the wire (worker/wireElision.ts) and filled back in, event for event.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import { createRunBeats } from '../../src/engine/beats.ts';
import { fromWire, toWire, type WireBeat } from '../../src/worker/wireBeat.ts';
import { createWireFill, elideForWire } from '../../src/worker/wireElision.ts';
import type { Run } from '../../src/engine/runApi.ts';
import type { Workspace } from '../../src/engine/types.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { nodeHost, step, workspace } from './helpers.ts';

/** A run's beats as the worker puts them on the wire, and the events the page makes of them. */
async function wireRun(ws: Workspace, taskName?: string) {
  const wires: WireBeat[] = [];
  let run: Run | null = null;
  const elide = elideForWire(() => run);
  const reporter = createRunBeats(
    (beat) => wires.push(structuredClone(toWire(beat, elide))),
    () => 0,
  );
  run = createRun(ws, { host: nodeHost, taskName, onEvent: reporter.onEvent, onSlice: reporter.onSlice });
  await run.runUntil();
  reporter.finish();
  const fill = createWireFill(ws, taskName, undefined);
  const decoded = wires.map((wire) => fromWire(wire));
  for (const beat of decoded) if (beat) fill(beat.events);
  return { wires, decoded, events: run.events };
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
    const { wires, decoded, events } = await wireRun(rich);
    expect(decoded.every((b) => b !== null)).toBe(true);
    expect(decoded.flatMap((b) => b!.events)).toStrictEqual(events);
    expect(decoded.map((b) => [b!.slice, b!.seq])).toEqual(wires.map((b) => [b.slice, b.seq]));
  });

  it('leave off the starting data and a final-data result, and the page puts them back', async () => {
    const rows = Array.from({ length: 2000 }, (_, id) => ({ id, name: `customer ${id}` }));
    const ws = workspace([step('{ i: 0 }', 'data.rows[3].name = "changed"; data.i = 1; task.complete();')], { i: 0, rows });
    const { wires, decoded, events } = await wireRun(ws);
    const text = wires.map((w) => w.events).join(',');
    expect(text).not.toContain('customer 1999');
    expect(text.length).toBeLessThan(2000);
    const ended = decoded.flatMap((b) => b!.events).find((e) => e.kind === 'task-ended');
    expect(ended).toMatchObject({ status: 'done', result: { i: 1 } });
    expect(decoded.flatMap((b) => b!.events)).toStrictEqual(events);
  });

  it('carry every event of every example task unchanged (connectors, timers, parks, subtasks, errors)', async () => {
    const dir = new URL('../../examples/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const ws = parseWorkspace(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      for (const task of ws.tasks) {
        const { decoded, events } = await wireRun(ws, task.name);
        expect(
          decoded.flatMap((beat) => beat?.events ?? [null]),
          `${file}: ${task.name}`,
        ).toStrictEqual(events);
      }
    }
  });

  it('merge by joining their text, as the sandbox frame does', async () => {
    const { wires, events } = await wireRun(rich);
    // A quiet beat (no new events) between them, as a batch's or a long step's beats are.
    wires.splice(1, 0, toWire({ slice: null, events: [], seq: wires[0].seq }));
    const joined = wires.map((w) => w.events).reduce((a, b) => (a === '' ? b : b === '' ? a : `${a},${b}`));
    const merged = fromWire({ ...wires[wires.length - 1], events: joined })!.events;
    createWireFill(rich, undefined, undefined)(merged);
    expect(merged).toEqual(events);
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
