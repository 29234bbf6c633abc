import { describe, expect, it } from 'vitest';
import type { StepCheck } from '../../src/engine/checkSteps.ts';
import { judgeGuess } from '../../src/state/quiz.ts';

const names = ['Payment', 'Inventory', 'Coordinator', 'Off'];
const check = (match: boolean, failing?: { path: string; expected: string; actual: unknown }): StepCheck => ({
  valid: true,
  error: null,
  match,
  reads: [],
  writes: [],
  leaves: failing ? [{ ...failing, pass: false }] : [{ path: 'order.status', expected: '"new"', actual: 'new', pass: true }],
});
const checks = [check(true), check(true), check(false, { path: 'order.inventory.checked', expected: 'true', actual: undefined }), check(true)];
const enabled = [true, true, true, false];

describe('quiz scoring', () => {
  it('a right guess names the first ready step and the ones that matched too', () => {
    expect(judgeGuess(0, 0, [0, 1], checks, names, enabled)).toEqual({
      right: true,
      text: 'Right: ‘Payment’ is the first ready step in list order. ‘Inventory’ matched too, but comes later in the list.',
    });
  });

  it('a wrong guess says why: later in the list, not matching yet, already ran, switched off', () => {
    expect(judgeGuess(1, 0, [0, 1], checks, names, enabled).text).toBe('‘Inventory’ matched too, but ‘Payment’ is earlier in the list: ‘Payment’ runs next.');
    expect(judgeGuess(2, 0, [0, 1], checks, names, enabled).text).toBe(
      "‘Coordinator’ doesn't match yet: `order.inventory.checked` is absent (expected true). ‘Payment’ runs next.",
    );
    expect(judgeGuess(1, 2, [2], checks, names, enabled).text).toBe(
      '‘Inventory’ matches, but it already ran and did not call step.redo(): ‘Coordinator’ runs next.',
    );
    expect(judgeGuess(3, 0, [0], checks, names, enabled)).toEqual({ right: false, text: '‘Off’ is switched off, so it never runs: ‘Payment’ runs next.' });
  });
});
