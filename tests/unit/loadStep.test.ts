import { describe, expect, it } from 'vitest';
import { loadStep } from '../../src/engine/loadStep.ts';
import { splitSteps } from '../../src/engine/splitSteps.ts';
import { runSteps, step } from './helpers.ts';

const load = (source: string) => loadStep({ name: 'S', source, enabled: true }, 0);
const invalid = (source: string) => {
  const loaded = load(source);
  if (loaded.valid) throw new Error('expected an invalid step');
  return loaded.error;
};

describe('step loader', () => {
  it('reports a syntax error with its line and column', () => {
    const error = invalid('export const condition = { a: 1 };\nexport const content = async () => {\n  data.a = ;\n};\n');
    expect(error.message).toMatch(/^syntax error: Unexpected token/);
    expect([error.line, error.column]).toEqual([3, 12]);
  });

  it('rejects a missing or empty condition and a missing content', () => {
    expect(invalid('export const content = async () => {};').message).toMatch(/no condition/);
    const empty = invalid('export const condition = {};\nexport const content = async () => {};');
    expect(empty.message).toMatch(/empty/);
    expect(empty.line).toBe(1);
    expect(invalid('export const condition = { a: 1 };').message).toMatch(/no content/);
  });

  it('points at an unknown operator or $where in the condition', () => {
    const error = invalid('export const condition = {\n  order: {\n    total: { $between: [1, 2] }\n  }\n};\nexport const content = async () => {};');
    expect(error.message).toContain('$between');
    expect([error.line, error.column]).toEqual([3, 14]);
    const where = invalid('export const condition = { a: { $where: "1" } };\nexport const content = async () => {};');
    expect(where.message).toMatch(/^\$where is an unknown operator \(at a\)/);
    const dynamic = invalid('export const condition = { a: { $foo: data.x } };\nexport const content = async () => {};');
    expect(dynamic.message).toBe('$foo is an unknown operator (at a)');
    expect(error.message).toBe('$between is an unknown operator (at order.total)');
    const dotted = invalid('export const condition = { "order.total": { $foo: 1 } };\nexport const content = async () => {};');
    expect(dotted.message).toBe('$foo is an unknown operator (at order.total)');
  });

  it('rejects a type pattern inside a value operator, static or dynamic', () => {
    const fixed = invalid('export const condition = {\n  a: { $in: [String, 1] }\n};\nexport const content = async () => {};');
    expect(fixed.message).toMatch(/^String is a type pattern, which cannot be used inside \$in \(at a\)/);
    expect([fixed.line, fixed.column]).toEqual([2, 14]);
    const dynamic = invalid('export const condition = { a: { $eq: Number }, b: data.x };\nexport const content = async () => {};');
    expect(dynamic.message).toMatch(/^Number is a type pattern/);
  });

  it('treats Date in a condition as the Date type, static or dynamic', async () => {
    const at = '2025-01-01T00:00:00.000Z';
    const fixed = load(step('{ at: Date }', ''));
    expect(fixed.valid && fixed.staticCondition !== null).toBe(true);
    const result = await runSteps([step('{ at: Date, done: null }', 'data.done = 1;'), step('{ when: Date, n: { $lt: data.max } }', 'data.n++;')], {
      at,
      when: at,
      n: 0,
      max: 1,
    });
    expect(result.ran).toEqual(['S1', 'S2']);
  });

  it('points at a bad operator parameter', () => {
    const error = invalid('export const condition = {\n  tags: { $in: "vip" }\n};\nexport const content = async () => {};');
    expect(error.message).toBe('$in expects an array of values (at tags)');
    expect(error.line).toBe(2);
  });

  it('rejects imports with a clear message', () => {
    expect(invalid('import x from "y";\nexport const condition = { a: 1 };\nexport const content = async () => {};').message).toMatch(
      /imports are not available/,
    );
  });

  it('compiles a literal condition once and leaves a data-reading one dynamic', () => {
    const fixed = load(step('{ a: { $gt: 1 } }', ''));
    const dynamic = load(step('{ batch: { index: { $lt: data.companies?.length || 0 } } }', ''));
    expect(fixed.valid && fixed.staticCondition !== null).toBe(true);
    expect(dynamic.valid && dynamic.staticCondition === null).toBe(true);
  });

  it('re-evaluates a condition that reads data each time', async () => {
    const result = await runSteps([step('{ i: { $lt: data.limit } }', 'data.i++; step.redo();')], { i: 0, limit: 3 });
    expect(result.data.i).toBe(3);
    expect(result.ran).toHaveLength(3);
  });

  it('lets content call top-level helpers', async () => {
    const source = `const double = (n) => n * 2;\nfunction label(n) { return 'n=' + n; }\n${step('{ n: Number }', 'data.n = double(data.n); data.label = label(data.n);')}`;
    const result = await runSteps([source], { n: 21 });
    expect(result.data).toEqual({ n: 42, label: 'n=42' });
  });

  it('gives every task its own module instance', async () => {
    const counter = `let calls = 0;\n${step('{ job: String }', 'calls++; data.calls = calls; task.complete();')}`;
    const spawner = step(
      '{ start: true }',
      'task.subtask("a", { job: "x" }, { into: "a", waitFor: true }); task.subtask("b", { job: "y" }, { into: "b", waitFor: true });',
    );
    const result = await runSteps([spawner, counter], { start: true });
    expect((result.data.a as { result: { calls: number } }).result.calls).toBe(1);
    expect((result.data.b as { result: { calls: number } }).result.calls).toBe(1);
  });
});

describe('splitSteps', () => {
  it('splits a seed-style block into one step per pair, named from the comment above', () => {
    const block = `// Step 1: Initialize processing
export const condition = { order: { status: "new" } };
export const content = async () => { const s = \`\${1}\`; };

// Step 2: Validate order
export const condition = {
  order: { status: "processing" }
};
export const content = async () => {};
`;
    const steps = splitSteps(block);
    expect(steps.map((s) => s.name)).toEqual(['Initialize processing', 'Validate order']);
    expect(steps[1].source.startsWith('// Step 2: Validate order\nexport const condition')).toBe(true);
    expect(steps.every((s) => load(s.source).valid)).toBe(true);
  });

  it('keeps a single step whole, and a broken block whole', () => {
    expect(splitSteps(step('{ a: 1 }', ''))).toHaveLength(1);
    expect(splitSteps('export const condition = { a: ').length).toBe(1);
  });
});

describe('positions count from 1 and are the source file’s own (section 1, 2)', () => {
  it('a runtime error on the condition’s line has the column of the source, not of the generated code', async () => {
    const source = 'export const condition = { a: 1 }; export const content = async () => { throw new Error("x"); };';
    const result = await runSteps([source], { a: 1 });
    expect([result.error?.line, result.error?.column]).toEqual([1, source.indexOf('new Error') + 1]);
    const multi = 'export const condition = {\n  a: 1 }; export const content = async () => { null.x; };';
    const second = await runSteps([multi], { a: 1 });
    expect([second.error?.line, second.error?.column]).toEqual([2, multi.split('\n')[1].indexOf('null.x') + 6]);
  });

  it('a step whose source starts on line 2 of its file (folder form) reports the file’s lines', async () => {
    const syntax = loadStep(
      { name: 'S', source: 'export const condition = { a: 1 };\nexport const content = async () => {\n  data.a = ;\n};\n', enabled: true, firstLine: 2 },
      0,
    );
    expect(!syntax.valid && [syntax.error.line, syntax.error.column]).toEqual([4, 12]);
    const result = await runSteps(
      [{ source: 'export const condition = { a: 1 };\nexport const content = async () => {\n  null.x;\n};', firstLine: 2 } as never],
      { a: 1 },
    );
    expect([result.error?.line, result.error?.column]).toEqual([4, 8]);
  });
});
