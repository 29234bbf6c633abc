// The page accepts from the engine worker only what the engine itself sends: every event of
// every example passes the guards, and forged or malformed messages do not.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSteps } from '../../src/engine/checkSteps.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { isComlinkReply, isProgressMessage, isStepCheckList, isTraceEvent, isTraceEventList } from '../../src/worker/messageGuards.ts';
import { nodeHost, run } from './helpers.ts';

const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
const load = (file: string) => parseWorkspace(JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')));
/** What the page receives: the structured clone of what the worker posts. */
const cloned = <T>(value: T): T => structuredClone(value);

describe('message guards', () => {
  for (const file of examples) {
    it(`accept every event and check of ${file}`, async () => {
      const ws = load(file);
      for (const task of ws.tasks) {
        const result = await run(ws, { taskName: task.name });
        const rejected = result.events.filter((e) => !isTraceEvent(cloned(e)));
        expect(rejected).toEqual([]);
        expect(isStepCheckList(cloned(checkSteps(ws, task.data, nodeHost)))).toBe(true);
      }
    });
  }

  it('reject forged events', () => {
    const base = { seq: 0, t: 0, task: 't0' };
    const forged = [
      { kind: 'bogus', ...base },
      { kind: 'task-ended', seq: 'x', t: 0, task: 't0', status: 'done', result: null, error: null, step: null },
      { kind: 'step-finished', ...base, step: 0, run: 1, redo: false, inverse: [], patches: [{ op: 'add', path: ['__proto__', 'x'], value: 1 }] },
      { kind: 'step-finished', ...base, step: 0, run: 1, redo: false, inverse: [], patches: [{ op: 'add', path: [], value: 1 }] },
      { kind: 'step-finished', ...base, step: 0, run: 1, redo: false, inverse: [], patches: [{ op: 'set', path: ['a'], value: 1 }] },
      { kind: 'log', ...base, step: null, level: 'log', text: { toString: 'x' } },
      { kind: 'step-failed', ...base, step: 0, run: 1, error: 'boom' },
      Object.assign(Object.create({ kind: 'log' }), base),
      null,
      'step-finished',
    ];
    for (const event of forged) expect(isTraceEvent(event), JSON.stringify(event)).toBe(false);
    expect(isTraceEventList([{ kind: 'resume', ...base, reason: 'timer' }, { kind: 'bogus' }])).toBe(false);
  });

  it('accept comlink replies that are plain values or errors, never proxies or requests', () => {
    expect(isComlinkReply({ id: 'a', type: 'RAW', value: [1] })).toBe(true);
    expect(isComlinkReply({ id: 'a', type: 'HANDLER', name: 'throw', value: { isError: true, value: { message: 'm', name: 'Error' } } })).toBe(true);
    expect(isComlinkReply({ id: 'a', type: 'HANDLER', name: 'proxy', value: {} })).toBe(false);
    expect(isComlinkReply({ id: 'a', type: 'SET', path: ['__proto__', 'pwned'], value: { type: 'RAW', value: 1 } })).toBe(false);
    expect(isComlinkReply({ id: 'a', type: 'APPLY', path: ['constructor'], argumentList: [] })).toBe(false);
    expect(isComlinkReply({ type: 'RAW', value: 1 })).toBe(false);
  });

  it('accept progress only with valid events and slice', () => {
    expect(isProgressMessage({ steplab: 'progress', events: [], slice: { task: 't0', step: 1, spentMs: 0 }, seq: 3 })).toBe(true);
    expect(isProgressMessage({ steplab: 'progress', events: [], slice: { task: 1, step: 1 } })).toBe(false);
    expect(isProgressMessage({ steplab: 'progress', events: [{ kind: 'x' }], slice: null })).toBe(false);
    expect(isStepCheckList([{ valid: true, match: 'yes', error: null, leaves: [], reads: [], writes: [] }])).toBe(false);
  });
});
