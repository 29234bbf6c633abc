// Oracle test for the value index (readIndex.ts): many steps wait on the same paths for
// different values, and steps, subtask results and data edits keep changing those values, the
// containers above them, and their types (an object where a string was, an array holding the
// value). Traces must equal a full re-evaluation's, event for event, data-edited events included.
// Long lists are changed in place by later steps (jsonDraft.ts); that must not fool the index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReadIndex } from '../../src/engine/readIndex.ts';
import { createRun, loadSteps } from '../../src/engine/createRun.ts';
import type { JsonObject, TraceEvent, Workspace } from '../../src/engine/types.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const VALUES = ['"s0"', '"s1"', '"s2"', '"done"', '0', '1', 'true', 'false'];
const val = fc.constantFrom(...VALUES);
const s = fc.constantFrom('"s0"', '"s1"', '"s2"');

// Pairs of [key, pattern]: equality leaves on shared paths, mixed with other leaf kinds on the same paths.
const conjunct = fc.oneof(
  { weight: 6, arbitrary: val.map((x) => ['"order.status"', x]) },
  { weight: 2, arbitrary: val.map((x) => ['order', `{ status: ${x} }`]) },
  val.map((x) => ['order', x]), // order itself, sometimes an object, sometimes a value
  val.map((x) => ['tags', x]), // equality is strict: ["s1"] is not "s1"
  val.map((x) => ['"tags.0"', x]),
  val.map((x) => ['n', x]),
  val.map((x) => ['flag', x]),
  s.map((x) => ['"order.status"', `{ $ne: ${x} }`]),
  s.map((x) => ['"order.status"', `{ $in: [${x}, "done"] }`]),
  fc.constant(['"order.status"', 'null']),
  fc.constant(['"order.status"', 'String']),
  fc.constant(['order', 'Object']),
  s.map((x) => ['tags', `[${x}]`]),
  fc.constant(['n', '{ $gt: 0 }']),
  fc.constant(['"order.status"', '{ $exists: false }']),
  s.map((x) => ['$or', `[{ "order.status": ${x} }, { n: 1 }]`]),
  s.map((x) => ['$nor', `[{ "order.status": ${x} }]`]),
  s.map((x) => ['$and', `[{ "order.status": ${x} }, { flag: true }]`]),
  s.map((x) => ['"order.status"', `{ $not: { $eq: ${x} } }`]),
  fc.constant(['"order.status"', 'data.want ?? "s0"']), // dynamic: re-tested every time
);
const condition = fc
  .uniqueArray(conjunct, { minLength: 1, maxLength: 3, selector: ([k]) => k })
  .map((pairs) => `{ ${pairs.map(([k, p]) => `${k}: ${p}`).join(', ')} }`);

const isObj = (e: string) => `(${e} !== null && typeof ${e} === "object" && !Array.isArray(${e}))`;
const mutation = fc.oneof(
  { weight: 5, arbitrary: val.map((x) => `if (${isObj('data.order')}) data.order.status = ${x}; else data.order = { status: ${x} };`) },
  val.map((x) => `data.order = { status: ${x}, id: 1 };`),
  val.map((x) => `data.order = ${x};`),
  fc.constant('delete data.order;'),
  fc.constant(`if (${isObj('data.order')}) delete data.order.status;`),
  fc.constant(`if (${isObj('data.order')}) data.order.status = ["s1"];`),
  val.map((x) => `data.tags = [${x}];`),
  val.map((x) => `data.tags = ${x};`),
  val.map((x) => `if (Array.isArray(data.tags)) data.tags.unshift(${x}); else data.tags = [];`),
  fc.constant('if (Array.isArray(data.tags)) data.tags.length = 0;'),
  { weight: 3, arbitrary: val.map((x) => `if (Array.isArray(data.tags)) data.tags[0] = ${x};`) },
  val.map((x) => `if (Array.isArray(data.tags)) data.tags.push(${x});`),
  val.map((x) => `data.n = ${x};`),
  fc.constant('data.n = (typeof data.n === "number" ? data.n : 0) + 1;'),
  fc.constant('data.flag = !data.flag;'),
  s.map((x) => `data.want = ${x};`),
  val.map((x) => `data = { order: { status: ${x} }, n: 1 };`),
  fc.constant('step.redo();'),
  fc.constant('task.park(20);'),
  fc.constant('task.subtask("child", { n: 1 }, { into: "order" });'),
  fc.constant('task.subtask("child", { flag: true }, { into: "order.status", waitFor: true });'),
);

const data = fc.record(
  {
    order: fc.oneof(
      val.map((x) => ({ status: JSON.parse(x) })),
      val.map((x) => JSON.parse(x)),
      fc.constant({}),
    ),
    // Sometimes long enough that a later step changes it in place (draftInPlace.ts), which the
    // index must not allow where it compares old and new values.
    tags: fc.oneof(
      fc.array(
        val.map((x) => JSON.parse(x)),
        { maxLength: 2 },
      ),
      fc.array(
        val.map((x) => JSON.parse(x)),
        { minLength: 64, maxLength: 66 },
      ),
    ),
    n: fc.integer({ min: 0, max: 2 }),
    flag: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<JsonObject>;

const scenario = fc.record({
  steps: fc.array(
    fc.tuple(condition, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([c, m]) => step(c, m.join('\n'))),
    { minLength: 1, maxLength: 8 },
  ),
  data,
  // An edit of the root task's data while paused after this many events, if it is between steps then.
  edit: fc.option(fc.tuple(fc.integer({ min: 1, max: 40 }), data), { nil: undefined }),
});

/** Runs to the end, pausing once for a data edit; an edit the run refuses is recorded as such. */
async function trace(ws: Workspace, full: boolean, edit: [number, JsonObject] | undefined): Promise<(TraceEvent | string)[]> {
  const run = createRun(ws, { host: nodeHost, steps: loadSteps(ws), fullReevaluation: full });
  const refused: string[] = [];
  if (edit) {
    await run.runUntil((e) => e.seq >= edit[0]);
    try {
      run.editData('t0', edit[1]);
    } catch (error) {
      refused.push(`refused: ${(error as Error).message}`);
    }
  }
  await run.runUntil();
  return [...run.events, ...refused];
}

describe('value index: alpha memory vs full re-evaluation', () => {
  it('gives identical traces on random step sets sharing paths (1,500 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const ws = workspace(sc.steps, sc.data, { limits: { maxSteps: 40, maxSubtasks: 3 } });
        expect(await trace(ws, false, sc.edit)).toEqual(await trace(ws, true, sc.edit));
      }),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 1500) },
    );
  }, 180_000);

  it('a step waiting for a value deep in a long list stops matching when a later step changes it there', async () => {
    // The first step copies the list, so the second could change it in place; the third waits
    // for the value the first wrote. Its verdict needs the old value, so the list must be copied.
    const rows = Array.from({ length: 100 }, () => ({ status: 'new' }));
    const ws = workspace(
      [
        step('{ phase: 0 }', 'data.rows[0].status = "seen"; data.phase = 1;'),
        step('{ phase: 1 }', 'data.rows[0].status = "done"; data.phase = 2;'),
        step('{ "rows.0.status": "seen" }', 'data.wrong = true;'),
      ],
      { rows, phase: 0 },
    );
    const run = createRun(ws, { host: nodeHost, steps: loadSteps(ws) });
    await run.runUntil();
    expect(run.events.filter((e) => e.kind === 'step-started').map((e) => (e as { step: number }).step)).toEqual([0, 1]);
    expect(run.dataOf('t0')).not.toHaveProperty('wrong');
  });

  it('re-tests only the steps waiting for the old or the new value', () => {
    const ws = workspace(Array.from({ length: 50 }, (_, k) => step(`{ order: { status: "s${k}" } }`, '')).concat(step('{ "order.status": { $ne: "x" } }', '')));
    const index = createReadIndex(loadSteps(ws));
    const before = { order: { status: 's7' } };
    const after = { order: { status: 's8' } };
    expect([...index.affected([['order', 'status']], before, after)]).toEqual([7, 8, 50]);
    // The order replaced as a whole: the same two steps, found below the changed path.
    expect([...index.affected([['order']], before, after)]).toEqual([7, 8, 50]);
    // A value no step waits for: only the other leaf kind is re-tested.
    expect([...index.affected([['order', 'status']], before, { order: { status: 'zz' } })]).toEqual([7, 50]);
    // A change elsewhere in the order: the status is the same, so no equality can change.
    expect([...index.affected([['order', 'id']], before, { order: { status: 's7', id: 1 } })]).toEqual([]);
  });
});
