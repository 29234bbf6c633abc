import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import { createDataIndex } from '../../src/engine/traceFold.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const sequential = () =>
  workspace(
    [
      step('{ order: { status: "new" } }', 'data.order.status = "processing";'),
      step('{ order: { status: "processing" } }', 'data.order.status = data.order.items > 0 ? "validated" : "invalid";'),
      step('{ order: { status: "validated" } }', 'data.order.status = "complete"; task.complete();'),
    ],
    { order: { status: 'new', items: 0 } },
  );

describe('breakpoints and edits while paused', () => {
  it('pauses before a step, takes a data edit as its own event, and goes on from the edited data', async () => {
    const run = createRun(sequential(), { host: nodeHost, breakBefore: ({ ready }) => ready[0] === 1 });
    expect(await run.runUntil()).toBe(false);
    expect(run.events.filter((e) => e.kind === 'step-started').map((e) => e.kind === 'step-started' && e.step)).toEqual([0]);
    run.editData('t0', { order: { status: 'processing', items: 2 } });
    const [edit, evaluated] = run.events.slice(-2);
    expect(edit.kind).toBe('data-edited');
    // The ready set for the edited data is recorded at once, so every view can show it.
    expect(evaluated.kind === 'evaluated' && evaluated.ready).toEqual([1]);
    expect(await run.runUntil()).toBe(true);
    const result = run.result();
    expect(result.status).toBe('done');
    expect(result.ran).toEqual(['S1', 'S2', 'S3']);
    expect(createDataIndex(run.events).dataAt('t0', edit.seq)).toEqual({ order: { status: 'processing', items: 2 } });
    if (edit.kind === 'data-edited') expect(edit.patches).toEqual([{ op: 'replace', path: ['order', 'items'], value: 2 }]);
  });

  it('pauses when a condition flips from no match to match', async () => {
    const ws = { ...sequential(), tasks: [{ name: 'Task', data: { order: { status: 'new', items: 1 } } }] };
    const run = createRun(ws, { host: nodeHost, breakBefore: ({ flips }) => flips.some(([i, pass]) => i === 2 && pass) });
    await run.runUntil();
    expect(run.result().ran).toEqual(['S1', 'S2']);
    run.editData('t0', { order: { status: 'validated', items: 1, note: 'checked by hand' } });
    await run.runUntil();
    expect(run.result().status).toBe('done');
    expect(run.result().data).toEqual({ order: { status: 'complete', items: 1, note: 'checked by hand' } });
  });

  it('refuses to edit a task that has ended', async () => {
    const run = createRun(sequential(), { host: nodeHost });
    await run.runUntil();
    expect(() => run.editData('t0', {})).toThrow('task t0 has ended');
  });
});
