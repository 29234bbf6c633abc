import { describe, expect, it } from 'vitest';
import { createDataIndex } from '../../src/engine/traceFold.ts';
import { narrateAt, narrateEvent, type NarrationInput } from '../../src/state/narration.ts';
import { run, step, workspace } from './helpers.ts';

async function narrated(ws: ReturnType<typeof workspace>, leaves: NarrationInput['leaves']) {
  const result = await run(ws);
  const input: NarrationInput = { events: result.events, index: createDataIndex(result.events), names: ws.steps.map((s) => s.name), leaves };
  return { result, input, say: (kind: string, nth = 0) => narrateEvent(result.events.filter((e) => e.kind === kind)[nth], input) };
}

describe('narration', () => {
  it('tells why a step ran and what it changed', async () => {
    const ws = workspace(
      [
        {
          name: 'Validate order',
          source: step('{ order: { status: "processing" } }', 'data.order.status = "validated"; data.order.validatedAt = "now"; delete data.order.tmp;'),
        },
      ],
      { order: { status: 'processing', tmp: 1 } },
    );
    const { say } = await narrated(ws, [[{ path: 'order.status', expected: '"processing"' }]]);
    expect(say('step-finished')).toBe(
      '‘Validate order’ ran because `order.status` is "processing". It set `order.status` to "validated", removed `order.tmp` and added `order.validatedAt`.',
    );
  });

  it('covers failures, waits, redo, subtasks, connectors and the end of a task', async () => {
    const ws = workspace(
      [
        {
          name: 'Call',
          source: step(
            '{ n: Number }',
            'await connectors.api.get({}); data.n++; task.park(2000); step.redo(); if (data.n > 1) task.subtask("child", { kid: true }, { into: "kid", waitFor: true });',
          ),
        },
        { name: 'Kid', source: step('{ kid: true }', 'throw new Error("nope")') },
      ],
      { n: 0 },
      { connectors: { api: { get: { latencyMs: 300, responses: [{ returns: 1 }] } } }, limits: { maxSteps: 4 } },
    );
    const { say, input, result } = await narrated(ws, [[{ path: 'n', expected: 'Number' }], [{ path: 'kid', expected: 'true' }]]);
    expect(say('step-finished')).toBe('‘Call’ ran because `n` is a number. It set `n` to 1. It asked to run again (step.redo).');
    expect(say('park')).toBe('The task waits 2 s on the virtual clock (task.park), then checks the conditions again.');
    expect(say('connector-call')).toBe('It calls the mocked connector api.get.');
    expect(say('connector-result')).toBe('The connector answered after 300 ms.');
    expect(say('subtask-created')).toBe('It started subtask “child”; its result will land at `kid`, and waits for it.');
    expect(say('step-failed')).toBe('‘Kid’ ran because `kid` is true, but failed: nope. None of its changes were kept.');
    expect(say('resume')).toBe('The wait is over: the conditions are checked again.');
    const ended = result.events.filter((e) => e.kind === 'task-ended').map((e) => narrateEvent(e, input));
    expect(ended[0]).toBe('Subtask t1 ends in error: nope.');
    const first = result.events.find((e) => e.kind === 'step-finished')!;
    expect(narrateAt(first.seq, input, first.seq - 3)).toContain('The task waits 2 s');
  });

  it('says why a task ends incomplete or done', async () => {
    const { say } = await narrated(workspace([step('{ a: 1 }', 'data.a = 2;')], { a: 1 }), [[{ path: 'a', expected: '1' }]]);
    expect(say('task-ended')).toBe('No step matches any more, and nothing completed the task: the task ends incomplete.');
    const done = await narrated(workspace([step('{ a: 1 }', 'task.complete();')], { a: 1 }), [[]]);
    expect(done.say('task-ended')).toBe('The task is done.');
  });
});
