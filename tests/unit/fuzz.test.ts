// Bad input, fuzzed: every case must end in a valid result or a clear, typed error, and the
// engine must end within its limits. Counts are in the issue note.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, ConditionError } from '../../src/engine/compileCondition.ts';
import { createRun } from '../../src/engine/createRun.ts';
import { createDataIndex } from '../../src/engine/traceFold.ts';
import { parseWorkspace, WorkspaceError } from '../../src/engine/workspace.ts';
import { workspaceFromFile } from '../../src/share/workspaceFile.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const clear = (error: unknown) => {
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message.length).toBeGreaterThan(8);
  expect(message).not.toMatch(/undefined is not|Cannot read prop|\[object Object\]/);
};

describe('fuzz: workspace decoder', () => {
  it('random JSON documents become a workspace or a WorkspaceError (2,000 cases)', () => {
    const near = fc.record(
      {
        steps: fc.array(
          fc.record(
            {
              name: fc.oneof(fc.string(), fc.integer()),
              source: fc.oneof(fc.string(), fc.constant(step('{ a: 1 }', ''))),
              enabled: fc.oneof(fc.boolean(), fc.string()),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
        tasks: fc.anything(),
        connectors: fc.anything(),
        limits: fc.anything(),
        seed: fc.anything(),
        startTime: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), near), (value) => {
        try {
          const ws = parseWorkspace(value);
          expect(Array.isArray(ws.steps) && ws.tasks.length > 0).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(WorkspaceError);
          clear(error);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('random bytes as a file give a clear error naming the file (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        try {
          workspaceFromFile(text, 'random.steplab.json');
        } catch (error) {
          clear(error);
          expect((error as Error).message).toContain('random.steplab.json');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fuzz: condition compiler', () => {
  it('random nested objects with random $ keys compile or give a ConditionError with a path (2,000 cases)', () => {
    const key = fc.oneof(
      fc.constantFrom(
        '$eq',
        '$ne',
        '$gt',
        '$lt',
        '$in',
        '$nin',
        '$exists',
        '$regex',
        '$size',
        '$all',
        '$elemMatch',
        '$not',
        '$type',
        '$mod',
        '$and',
        '$or',
        '$nor',
        '$where',
        '$foo',
        '$options',
      ),
      fc.string({ maxLength: 4 }),
    );
    const leaf = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(String, Number, Boolean, Array, Object, /a/));
    const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.dictionary(key, tie('tree'), { maxKeys: 3 }), fc.array(tie('tree'), { maxLength: 3 })),
    })).tree;
    fc.assert(
      fc.property(fc.dictionary(key, node, { minKeys: 1, maxKeys: 3 }), fc.jsonValue(), (condition, data) => {
        try {
          const compiled = compileCondition(condition);
          expect(typeof compiled.test(data)).toBe('boolean');
          expect(compiled.explain(data).every((l) => typeof l.pass === 'boolean')).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ConditionError);
          clear(error);
          expect((error as ConditionError).path).toBeTruthy();
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fuzz: engine', () => {
  const STATUSES = ['done', 'incomplete', 'error', 'ignored', 'waiting'];
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

  it('random step sets keep every invariant: a final status, data within the limit, a trace that rebuilds the data, the same trace twice (800 cases)', async () => {
    const k = fc.constantFrom('a', 'b', 'c');
    const v = fc.integer({ min: 0, max: 3 });
    const leaf = fc.oneof(
      v.map(String),
      fc.constant('Number'),
      fc.constant('null'),
      v.map((x) => `{ $lt: ${x} }`),
      v.map((x) => `{ $ne: ${x} }`),
      fc.constant('{ $exists: true }'),
      fc.constant('{ $lt: data.max ?? 2 }'),
    );
    const cond = fc
      .uniqueArray(fc.tuple(k, leaf), { minLength: 1, maxLength: 2, selector: ([key]) => key })
      .map((pairs) => `{ ${pairs.map(([key, l]) => `${key}: ${l}`).join(', ')} }`);
    const action = fc.oneof(
      fc.tuple(k, v).map(([key, x]) => `data.${key} = ${x};`),
      k.map((key) => `data.${key} = (data.${key} ?? 0) + 1;`),
      k.map((key) => `delete data.${key};`),
      k.map((key) => `data.${key} = undefined;`),
      fc.constant('step.redo();'),
      fc.constant('task.park(50);'),
      fc.constant('await connectors.utils.sleep({ milliseconds: 10 });'),
      fc.constant('task.subtask("child", { c: 0 }, { into: "kids.0", waitFor: true });'),
      fc.constant('task.subtask("child", { a: 3 }, { into: "b" });'),
      fc.constant('if (data.a === 3) task.complete();'),
      fc.constant('if (data.c === 1) task.complete(null);'),
      fc.constant('if (data.b === 2) throw new Error("boom");'),
      fc.constant('data.big = "é".repeat(700);'),
      fc.constant('data.f = () => 1;'),
      fc.constant('setTimeout(() => { throw new Error("tick"); }, 5); await connectors.utils.sleep({ milliseconds: 10 });'),
      fc.constant('setTimeout(() => {}, 100);'),
      fc.constant('data = {};'),
      fc.constant('console.log("x".repeat(50));'),
    );
    const source = fc.tuple(cond, fc.array(action, { minLength: 1, maxLength: 3 })).map(([c, body]) => step(c, body.join('\n')));
    await fc.assert(
      fc.asyncProperty(fc.array(source, { minLength: 1, maxLength: 4 }), fc.dictionary(k, v), async (steps, data) => {
        const ws = workspace(steps, data, { limits: { maxSteps: 80, maxSubtasks: 5, maxDataBytes: 2000 } });
        const run = createRun(ws, { host: nodeHost });
        const result = await run.runToEnd();
        expect(STATUSES).toContain(result.status);
        expect(result.tasks.every((t) => STATUSES.includes(t.status))).toBe(true);
        expect(result.stepRuns).toBeLessThanOrEqual(80);
        expect(result.tasks.length).toBeLessThanOrEqual(6);
        if (result.status === 'error') expect(result.error?.message).toBeTruthy();
        // The trace rebuilds every task's data, and no task's data is ever over the limit.
        const index = createDataIndex(result.events, 8);
        for (const task of result.tasks) {
          expect(index.dataAt(task.id, result.events.length - 1)).toEqual(run.dataOf(task.id));
        }
        for (const event of result.events) {
          const data = index.dataAt(event.task, event.seq);
          if (data) expect(bytes(data)).toBeLessThanOrEqual(2000);
        }
        // The same input gives the same trace.
        const again = await createRun(ws, { host: nodeHost }).runToEnd();
        expect(again.events).toEqual(result.events);
      }),
      { numRuns: 800 },
    );
  }, 180_000); // ~4 s alone; generous for a loaded machine
});
