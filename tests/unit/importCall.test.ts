// `import()` is refused at load, anywhere in a step, with its line and column; also in mock code.
import { describe, expect, it } from 'vitest';
import { createMockBook } from '../../src/engine/connectorMocks.ts';
import { loadStep } from '../../src/engine/loadStep.ts';

const load = (source: string) => loadStep({ name: 'S', source, enabled: true }, 0);

describe('import()', () => {
  it('makes a step invalid, naming where', () => {
    const step = load('export const condition = { a: 1 };\nexport const content = async () => {\n  const fs = await import("node:fs");\n};\n');
    expect(step).toMatchObject({ valid: false, error: { message: 'import() is not available in steps', line: 3, column: 20 } });
  });

  it('is found in helpers and in a dynamic condition too', () => {
    const helper = load('function h() { return () => import("x"); }\nexport const condition = { a: 1 };\nexport const content = async () => {};\n');
    expect(helper).toMatchObject({ valid: false, error: { line: 1, column: 29 } });
    const condition = load('export const condition = { a: import("x") };\nexport const content = async () => {};\n');
    expect(condition).toMatchObject({ valid: false, error: { message: 'import() is not available in steps', line: 1 } });
  });

  it('fails a code mock that uses it', async () => {
    const book = createMockBook({ api: { get: { source: 'export default async () => (await import("node:fs")).readFileSync("/etc/hostname", "utf8")' } } });
    const answer = book.answer('api', 'get', {}, { Date, Math, console });
    await expect(answer.outcome).rejects.toThrow('import() is not available in mocks');
  });
});
