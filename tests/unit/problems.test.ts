import { describe, expect, it } from 'vitest';
import { loadStep } from '../../src/engine/loadStep.ts';
import { compileCondition } from '../../src/engine/compileCondition.ts';
import { nearestOperator } from '../../src/engine/conditionOperators.ts';
import { findUnclosedBracket } from '../../src/engine/unclosedBracket.ts';
import type { StepCheck } from '../../src/engine/checkSteps.ts';
import type { Workspace } from '../../src/engine/types.ts';
import { lineColumn, parseJsonText } from '../../src/state/jsonProblem.ts';
import { listProblems } from '../../src/state/problems.ts';

const invalid = (source: string) => {
  const loaded = loadStep({ name: 'S', source, enabled: true }, 0);
  if (loaded.valid) throw new Error('expected an invalid step');
  return loaded.error;
};
const jsonProblem = (text: string) => {
  const parsed = parseJsonText(text);
  if (parsed.ok) throw new Error('expected invalid JSON');
  return parsed.problem;
};

describe('JSON errors have a line and column', () => {
  it('points at a missing comma', () => {
    expect(jsonProblem('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      message: 'Invalid JSON: expected `,` or `}` after a property value, found `"`',
      line: 3,
      column: 3,
    });
  });

  it('points at a bad value, a trailing comma, single quotes and text after the value', () => {
    expect(jsonProblem('{\n  "order": {\n    "status": new\n  }\n}')).toMatchObject({ line: 3, column: 15, message: expect.stringContaining('found `new`') });
    expect(jsonProblem('{ "a": 1, }')).toMatchObject({ line: 1, column: 11, message: 'Invalid JSON: a comma before `}` is not allowed in JSON' });
    expect(jsonProblem('[1, 2,\n]')).toMatchObject({ line: 2, column: 1 });
    expect(jsonProblem("{'a': 1}")).toMatchObject({ line: 1, column: 2, message: expect.stringContaining('double quotes') });
    expect(jsonProblem('{}\n  x')).toMatchObject({ line: 2, column: 3 });
    expect(jsonProblem('{ "a": "one\n" }')).toMatchObject({ line: 1, column: 8 });
    expect(jsonProblem('')).toMatchObject({ line: 1, column: 1 });
  });

  it('points at the { that is never closed, and says where the parser stopped', () => {
    const problem = jsonProblem('{\n  "order": { "status": "new",\n  "total": 3\n}\n');
    expect([problem.line, problem.column]).toEqual([2, 12]);
    expect(problem.message).toBe('Invalid JSON: the text ends before the JSON is complete at line 5:1 (the { on line 2 is never closed)');
  });

  it('accepts valid JSON and counts columns from 1', () => {
    expect(parseJsonText('{ "a": [1, { "b": null }] }')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('syntax errors point at the bracket that was never closed', () => {
  it('reports the { on line 2 for a missing }', () => {
    const error = invalid('export const condition = {\n  order: { status: "new"\n};\nexport const content = async () => {\n  data.order.status = "x";\n};\n');
    expect(error.message).toBe('syntax error: Unexpected token at line 3:2 (the { on line 2 is never closed)');
    expect([error.line, error.column]).toEqual([2, 10]);
  });

  it('finds a block left open inside the content, and one left open at the end', () => {
    const inner = invalid('export const condition = { a: 1 };\nexport const content = async () => {\n  if (data.a) {\n    data.b = 2;\n};\n');
    expect(inner.message).toContain('(the { on line 3 is never closed)');
    expect(inner.line).toBe(3);
    const end = invalid('export const condition = { a: 1 };\nexport const content = async () => {\n  data.b = 2;\n');
    expect(end.message).toContain('(the { on line 2 is never closed)');
    const paren = invalid('export const condition = { a: 1 };\nexport const content = async () => {\n  console.log(data.a;\n};\n');
    expect(paren.message).toContain('(the ( on line 3 is never closed)');
    expect([paren.line, paren.column]).toEqual([3, 14]);
  });

  it('adds nothing when the brackets balance', () => {
    const error = invalid('export const condition = { a: 1 };\nexport const content = async () => {\n  data.a = ;\n};\n');
    expect(error.message).toBe('syntax error: Unexpected token');
    expect([error.line, error.column]).toEqual([3, 12]);
    expect(findUnclosedBracket('const a = { b: [1, (2)] };')).toBeNull();
  });
});

describe('unknown operators suggest the nearest known one', () => {
  it('suggests $eq for $equals, in the loader and in compiled conditions', () => {
    const error = invalid('export const condition = {\n  order: { status: { $equals: "new" } }\n};\nexport const content = async () => {};\n');
    expect(error.message).toBe('$equals is an unknown operator (at order.status); did you mean `$eq`?');
    expect([error.line, error.column]).toEqual([2, 22]);
    expect(() => compileCondition({ a: { $equals: 1 } })).toThrow('$equals is an unknown operator (at a); did you mean `$eq`?');
  });

  it('suggests by spelling, case and a shared start, and stays quiet when nothing is close', () => {
    expect(nearestOperator('$exist')).toBe('$exists');
    expect(nearestOperator('$gtee')).toBe('$gte');
    expect(nearestOperator('$elemmatch')).toBe('$elemMatch');
    expect(nearestOperator('$neq')).toBe('$ne');
    expect(nearestOperator('$notin')).toBe('$nin');
    expect(nearestOperator('$size_of')).toBe('$size');
    expect(nearestOperator('$foo')).toBeNull();
    expect(nearestOperator('$between')).toBeNull();
  });
});

describe('the problem list', () => {
  const workspace = (over: Partial<Workspace> = {}): Workspace => ({
    version: 1,
    name: 'W',
    steps: [
      { name: 'Validate', source: 'export const condition = { a: 1 };\nexport const content = async () => {};', enabled: true },
      { name: 'Ship', source: 'export const condition = {\n  a: data.x.y\n};\nexport const content = async () => {};', enabled: true },
    ],
    tasks: [{ name: 'T', data: {} }],
    connectors: {},
    config: {},
    seed: 1,
    startTime: '2025-01-01T00:00:00.000Z',
    limits: { maxSteps: 100, stepTimeoutMs: 1000, maxSubtasks: 10, maxDataBytes: 100000 },
    ...over,
  });
  const check = (over: Partial<StepCheck>): StepCheck => ({ valid: true, error: null, match: false, leaves: [], reads: [], writes: [], ...over });

  it('lists invalid steps, JSON errors, condition errors and lesson stops, each with its place', () => {
    const problems = listProblems({
      workspace: workspace({ lesson: { title: 'L', stops: [{ at: 'Gone', title: 'Where', text: 't', highlight: [] }] } }),
      checks: [check({ valid: false, error: { message: 'syntax error: Unexpected token', line: 2, column: 5 } }), check({})],
      checkError: null,
      jsonErrors: { task: { message: 'Invalid JSON: x', line: 3, column: 4 }, config: { message: 'Config must be a JSON object', line: null, column: null } },
      events: [{ seq: 0, t: 0, task: 'root', kind: 'condition-error', step: 1, message: 'Cannot read properties of undefined' } as never],
      runWorkspace: null,
    });
    expect(problems.map((p) => [p.kind, p.place, p.line, p.column, p.tab])).toEqual([
      ['step', 'Validate', 2, 5, 'step'],
      ['condition', 'Ship', 1, 26, 'step'],
      ['json', 'Task data', 3, 4, 'task'],
      ['json', 'Config', null, null, 'config'],
      ['lesson', 'Lesson', null, null, null],
    ]);
    expect(problems[1].message).toBe('The condition threw: Cannot read properties of undefined');
    expect(problems[4].stop).toBe('stop 1 “Where”');
  });

  it('is empty for a healthy workspace', () => {
    expect(listProblems({ workspace: workspace(), checks: [check({}), check({})], checkError: null, jsonErrors: {}, events: [], runWorkspace: null })).toEqual(
      [],
    );
  });
});
