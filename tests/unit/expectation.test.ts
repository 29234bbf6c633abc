import { describe, expect, it } from 'vitest';
import { checkExpectation, expectationFromRun, parseExpectation } from '../../src/engine/expectation.ts';
import { summarizeCoverage } from '../../src/engine/coverage.ts';
import { runTaskTest } from '../../src/engine/taskTest.ts';
import { parseWorkspace, WorkspaceError } from '../../src/engine/workspace.ts';
import { nodeHost, step } from './helpers.ts';

const steps = [
  { name: 'Validate', source: step('{ order: { status: "new", total: { $gt: 0 } } }', 'data.order.status = "valid";') },
  { name: 'Ship', source: step('{ order: { status: "valid" } }', 'data.order.status = "shipped"; data.order.shippedAt = "today";') },
  { name: 'Refund', source: step('{ order: { status: "refund" } }', 'data.order.status = "refunded";') },
];

const ws = (expectation: unknown, data: object = { order: { status: 'new', total: 10 } }) =>
  parseWorkspace({ steps, tasks: [{ name: 'New order', data, expect: expectation }] });

describe('expectations', () => {
  it('pass when the run ends as expected, with the data pattern matched by the step matcher', async () => {
    const result = await runTaskTest(
      ws({ status: 'incomplete', data: { order: { status: 'shipped', total: { $gte: 10 } } }, ran: ['Validate', 'Ship'] }),
      0,
      nodeHost,
    );
    expect(result.pass).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.ran).toEqual(['Validate', 'Ship']);
  });

  it('explain a failure leaf by leaf, with the first place the step order differs', async () => {
    const result = await runTaskTest(
      ws({ status: 'done', data: { order: { status: 'refunded', total: { $gt: 100 } } }, ran: ['Validate', 'Refund'] }),
      0,
      nodeHost,
    );
    expect(result.pass).toBe(false);
    expect(result.failures).toEqual([
      { field: 'status', path: 'status', expected: 'done', actual: 'incomplete' },
      { field: 'data', path: 'order.status', expected: '"refunded"', actual: '"shipped"' },
      { field: 'data', path: 'order.total', expected: '$gt 100', actual: '10' },
      { field: 'ran', path: 'ran[1]', expected: '‘Refund’', actual: '‘Ship’' },
    ]);
    expect(result.divergedAt).toBe(1);
  });

  it('a run saved as an expectation passes, and names the leaves the run changed', async () => {
    const first = await runTaskTest(ws(undefined), 0, nodeHost);
    expect(first.pass).toBeNull();
    const saved = expectationFromRun(first, { order: { status: 'new', total: 10 } });
    expect(saved).toEqual({ status: 'incomplete', data: { order: { status: 'shipped', shippedAt: 'today' } }, ran: ['Validate', 'Ship'] });
    expect(checkExpectation(saved, first).pass).toBe(true);
    const removed = expectationFromRun({ ...first, data: { order: { status: 'x' } } }, { order: { status: 'new', total: 1 }, extra: [1] });
    expect(removed.data).toEqual({ order: { status: 'x', total: { $exists: false } }, extra: { $exists: false } });
  });

  it('an invalid expectation is an error naming the task and the field', () => {
    expect(() => ws({ status: 'finished' })).toThrow(WorkspaceError);
    expect(() => ws({ status: 'finished' })).toThrow(/tasks\[0\] \("New order"\)\.expect: status: expected one of "done"/);
    expect(() => ws({ status: 'done', data: { total: { $grt: 1 } } })).toThrow(/expect: data: .*\$grt/);
    expect(() => ws({ status: 'done', ran: 'Validate' })).toThrow(/expect: ran: expected an array of step names/);
    expect(() => ws({ status: 'done', steps: [] })).toThrow(/"steps" is not an expectation field/);
    expect(parseExpectation({ status: 'done', result: null })).toEqual({ status: 'done', result: null });
  });

  it('records coverage: steps that never ran, and leaves seen only true or only false', async () => {
    const { coverage } = await runTaskTest(ws(undefined), 0, nodeHost);
    const summary = summarizeCoverage(coverage);
    expect(summary.neverRun).toEqual(['Refund']);
    expect(coverage.statuses).toEqual({ incomplete: 1 });
    const validate = coverage.steps[0].leaves;
    expect(validate.map((l) => [l.path, l.t > 0, l.f > 0])).toEqual([
      ['order.status', true, true],
      ['order.total', true, false],
    ]);
    expect(coverage.steps[2].leaves[0].t).toBe(0);
  });
});
