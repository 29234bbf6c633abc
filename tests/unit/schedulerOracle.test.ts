// Oracle test for the scheduler: the read index re-tests only conditions that read a changed
// path; a plain full re-evaluation re-tests all of them. On random step sets both must give
// the same trace, event for event.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun, loadSteps } from '../../src/engine/createRun.ts';
import type { JsonObject } from '../../src/engine/types.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const v = fc.integer({ min: 0, max: 2 });
const condition = fc
  .uniqueArray(
    fc.oneof(
      v.map((x) => ['a', `{ b: ${x} }`]),
      fc.constant(['a', '{ c: { $exists: true } }']),
      fc.constant(['a', 'Object']),
      fc.constant(['a', '{}']),
      v.map((x) => ['"a.b"', `{ $ne: ${x} }`]),
      v.map((x) => ['"a.b"', `${x}`]),
      fc.constant(['"a.b"', 'null']),
      v.map((x) => ['b', `[${x}]`]),
      v.map((x) => ['b', `{ $size: ${x} }`]),
      v.map((x) => ['"b.0"', `${x}`]),
      v.map((x) => ['n', `{ $lt: ${x + 1} }`]),
      fc.constant(['n', 'null']),
      fc.constant(['n', '{ $lt: data.limit ?? 2 }']), // dynamic: re-tested every time
      v.map((x) => ['kids', `{ 0: { status: ${x === 0 ? '"done"' : '"error"'} } }`]),
      v.map((x) => ['$or', `[{ n: ${x} }, { "a.c": ${x} }]`]),
    ),
    { minLength: 1, maxLength: 2, selector: ([k]) => k },
  )
  .map((pairs) => `{ ${pairs.map(([k, p]) => `${k}: ${p}`).join(', ')} }`);

const obj = 'data.a !== null && typeof data.a === "object" && !Array.isArray(data.a)';
const mutation = fc.oneof(
  v.map((x) => `data.a = { b: ${x} };`),
  v.map((x) => `data.a = ${x};`),
  v.map((x) => `if (${obj}) data.a.b = ${x}; else data.a = { b: ${x} };`),
  v.map((x) => `if (${obj}) data.a.c = ${x};`),
  fc.constant('delete data.a;'),
  fc.constant(`if (${obj}) delete data.a.b;`),
  fc.constant('data.a = undefined;'),
  v.map((x) => `data.b = [${x}];`),
  v.map((x) => `if (Array.isArray(data.b)) data.b.push(${x}); else data.b = [];`),
  fc.constant('if (Array.isArray(data.b)) data.b.length = 0;'),
  fc.constant('data.n = (data.n ?? 0) + 1;'),
  fc.constant('delete data.n;'),
  v.map((x) => `data.limit = ${x + 1};`),
  fc.constant('step.redo();'),
  fc.constant('task.park(20);'),
  fc.constant('await connectors.utils.sleep({ milliseconds: 10 });'),
  fc.constant('task.subtask("child", { n: 1 }, { into: "kids.0" });'),
  fc.constant('task.subtask("child", { a: { b: 0 } }, { into: "a.c", waitFor: true });'),
);
const scenario = fc.record({
  steps: fc.array(
    fc.tuple(condition, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([c, m]) => step(c, m.join('\n'))),
    { minLength: 1, maxLength: 5 },
  ),
  data: fc.record({ a: fc.oneof(v, fc.constant({ b: 0 })), n: v }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>,
});

describe('scheduler oracle: read index vs full re-evaluation', () => {
  it('gives identical traces on random step sets (2,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const ws = workspace(s.steps, s.data, { limits: { maxSteps: 30, maxSubtasks: 3 } });
        const steps = loadSteps(ws);
        const indexed = await createRun(ws, { host: nodeHost, steps }).runToEnd();
        const full = await createRun(ws, { host: nodeHost, steps, fullReevaluation: true }).runToEnd();
        expect(indexed.events).toEqual(full.events);
      }),
      { numRuns: 2000 },
    );
  }, 180_000); // ~7 s alone; generous for a machine shared with other test runs
});
