// The CLI's watchdog: runaway step code is killed, and the deterministic run is replayed with
// that step run failing at once, so only its task ends in "execution timeout" (semantics 4.9).
import { describe, expect, it } from 'vitest';
import { cli, scratch, stepSource } from './cliHarness.ts';

const tmp = scratch('watchdog');
const run = async (name: string, ws: unknown) => {
  const { code, stdout, stderr } = await cli('run', tmp.write(name, ws), '--json');
  expect(stderr).toBe('');
  return { code, doc: JSON.parse(stdout) };
};

describe('cli watchdog', () => {
  it('ends only the subtask whose step never yields; its parent gets the error through into and goes on', async () => {
    const { code, doc } = await run('sub.json', {
      steps: [
        {
          name: 'Spawn',
          source: stepSource(
            '{ root: true }',
            "  for (const i of [1, 2]) task.subtask('spin' + i, { spin: true }, { into: 'c' + i, waitFor: true });\n  data.root = false;",
          ),
        },
        { name: 'Spin', source: stepSource('{ spin: true }', '  while (true) {}') },
        { name: 'After', source: stepSource("{ c2: { status: 'error' } }", '  task.complete({ c1: data.c1, c2: data.c2 });') },
      ],
      tasks: [{ name: 'T', data: { root: true } }],
      limits: { stepTimeoutMs: 300 },
    });
    expect(code).toBe(0);
    expect(doc.status).toBe('done');
    const failed = { status: 'error', error: 'execution timeout' };
    expect(doc.result).toEqual({ c1: failed, c2: failed });
    expect(doc.tasks.slice(1).map((t: { status: string; error: { message: string } }) => [t.status, t.error.message])).toEqual([
      ['error', 'execution timeout'],
      ['error', 'execution timeout'],
    ]);
  }, 60_000);

  it('names the step when the root task runs away in its module top level', async () => {
    const source = `while (true) {}\n${stepSource('{ go: 1 }', '  task.complete();')}`;
    const { code, doc } = await run('top.json', { steps: [{ name: 'Top', source }], tasks: [{ name: 'T', data: { go: 1 } }], limits: { stepTimeoutMs: 300 } });
    expect(code).toBe(1);
    expect(doc.error).toMatchObject({ message: 'execution timeout', step: 'Top' });
  }, 60_000);

  it('counts every slice of a step run: busy slices between setTimeout(0) add up to a timeout', async () => {
    // Date is virtual inside a step and stands still, so each slice spins on a counter (~30 ms).
    const spin =
      '  for (let i = 0; i < 20; i++) {\n    let x = 0;\n    for (let j = 0; j < 2e7; j++) x += j;\n    await new Promise((r) => setTimeout(r, 0));\n  }';
    const { code, doc } = await run('slices.json', {
      steps: [{ name: 'Slices', source: stepSource('{ go: 1 }', spin) }],
      tasks: [{ name: 'T', data: { go: 1 } }],
      limits: { stepTimeoutMs: 300 },
    });
    expect(code).toBe(1);
    expect(doc.error).toMatchObject({ message: 'execution timeout', step: 'Slices' });
  }, 60_000);

  it('ends the run in error when a dynamic condition never returns', async () => {
    const { code, doc } = await run('cond.json', {
      steps: [{ name: 'Cond', source: stepSource('{ a: (() => { while (true) {} })() }', '  data.x = 1;') }],
      tasks: [{ name: 'T', data: { go: 1 } }],
      limits: { stepTimeoutMs: 300 },
    });
    expect(code).toBe(1);
    expect(doc.error.message).toBe('execution timeout');
  }, 60_000);
});
