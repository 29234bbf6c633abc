import { describe, expect, it } from 'vitest';
import type { StepCheck } from '../../src/engine/checkSteps.ts';
import { incompleteReason } from '../../src/engine/stopReason.ts';

const check = (match: boolean, failing: string[] = [], passing: string[] = []): StepCheck => ({
  valid: true,
  error: null,
  match,
  reads: [],
  writes: [],
  leaves: [
    ...failing.map((path) => ({ path, expected: '"x"', actual: 'y', pass: false })),
    ...passing.map((path) => ({ path, expected: '"x"', actual: 'x', pass: true })),
  ],
});

describe('incompleteReason', () => {
  it('names the closest step and the leaves that fail', () => {
    const reason = incompleteReason([check(false, ['a', 'b']), check(false, ['order.status'], ['order.id'])], ['Init', 'Validate'], [true, true]);
    expect(reason).toBe('No step matches the data. Closest: ‘Validate’ (1 leaf fails: order.status).');
  });

  it('says when a matching step already ran without redo', () => {
    expect(incompleteReason([check(true)], ['Loop'], [true])).toBe('No step can run: ‘Loop’ still matches but already ran without step.redo().');
  });

  it('skips disabled and invalid steps', () => {
    const invalid = { ...check(false, ['x']), valid: false };
    expect(incompleteReason([invalid, check(false, ['p', 'q'])], ['Bad', 'Other'], [true, true])).toContain('Closest: ‘Other’ (2 leaves fail: p, q)');
    expect(incompleteReason([check(true)], ['Off'], [false])).toBe('No step matches the data.');
  });
});
