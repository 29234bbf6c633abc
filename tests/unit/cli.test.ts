import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceToFolder } from '../../src/share/stepFolder.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { readFileSync } from 'node:fs';
import { cli, root } from './cliHarness.ts';

/** `npm run cli` as a user types it: through tsx, from the sources. */
function cliFromSource(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'steplab-cli-'));
const write = (name: string, content: unknown) => {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const stepSource = (condition: string, body: string) => `export const condition = ${condition};\nexport const content = async () => {\n${body}\n};\n`;

describe('cli', () => {
  it('runs a workspace and prints one line per step run, then the status (exit 0), from the sources as `npm run cli` does', async () => {
    const { code, stdout } = await cliFromSource('run', 'examples/sequential.json');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/0\.000s {2}New order {2}Initialize processing {2}changed order\.status, order\.startedAt/);
    expect(lines.at(-1)).toBe('done · 3 step runs · 0 ms virtual time');
  });

  it('prints one deterministic JSON document with --json', async () => {
    const [a, b] = await Promise.all([cli('run', 'examples/retry-recovers.json', '--json'), cli('run', 'examples/retry-recovers.json', '--json')]);
    expect(a.stdout).toBe(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(Object.keys(doc)).toEqual(['status', 'result', 'error', 'data', 'ran', 'tasks', 'invalid', 'virtualTimeMs', 'stepRuns', 'logs', 'events']);
    expect(doc.virtualTimeMs).toBe(6450);
    expect(doc.ran).toEqual(['Initial API call attempt', 'Initial API call attempt', 'Initial API call attempt']);
    expect(doc.tasks[0]).toMatchObject({ id: 't0', parent: null, status: 'incomplete' });
  });

  it('picks a task with --task and a seed with --seed', async () => {
    const { stdout } = await cli('run', 'examples/sequential.json', '--task', 'Order without items', '--json', '--seed', '3');
    expect(JSON.parse(stdout).data.order.status).toBe('invalid');
  });

  it('exits 1 with the error, step, line and column when the root task errors', async () => {
    const path = write('err.json', {
      steps: [{ name: 'Boom', source: stepSource('{ a: 1 }', '  throw new Error("kaput");') }],
      tasks: [{ name: 'T', data: { a: 1 } }],
    });
    const { code, stdout } = await cli('run', path, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toEqual({ message: 'kaput', line: 3, column: 9, step: 'Boom' });
  });

  it('kills a runaway step with "execution timeout" (exit 1)', async () => {
    const path = write('loop.json', {
      steps: [{ name: 'Spin', source: stepSource('{ a: 1 }', '  while (true) {}') }],
      tasks: [{ name: 'T', data: { a: 1 } }],
      limits: { stepTimeoutMs: 300 },
    });
    const { code, stdout } = await cli('run', path, '--json');
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.status).toBe('error');
    expect(doc.error).toMatchObject({ message: 'execution timeout', step: 'Spin' });
  });

  it('lists invalid steps and runs the rest', async () => {
    const path = write('invalid.json', {
      steps: [
        { name: 'Bad', source: 'export const condition = {' },
        { name: 'Good', source: stepSource('{ a: 1 }', 'task.complete();') },
      ],
      tasks: [{ name: 'T', data: { a: 1 } }],
    });
    const { code, stdout } = await cli('run', path, '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.invalid).toEqual([{ step: 'Bad', index: 0, message: expect.stringMatching(/^syntax error/), line: 1, column: 26 }]);
    expect(doc.status).toBe('done');
  });

  it('reads a folder of ALOMA step files', async () => {
    const folder = join(tmp, 'folder');
    mkdirSync(folder);
    const ws = parseWorkspace(JSON.parse(readFileSync(join(root, 'examples/sequential.json'), 'utf8')));
    for (const [name, text] of Object.entries(workspaceToFolder(ws))) writeFileSync(join(folder, name), text);
    const { code, stdout } = await cli('run', folder, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).ran).toEqual(['Initialize processing', 'Validate order', 'Process validated order']);
  });

  it.each([
    ['a missing file', ['run', 'nope.json'], /nope\.json: no such file or folder/],
    ['invalid JSON', ['run', write('bad.json', '{ "steps": [')], /bad\.json: not valid JSON/],
    ['a document that is no workspace', ['run', write('nows.json', { hello: 1 })], /nows\.json: not a Steplab workspace: steps: expected an array/],
    ['an unknown task', ['run', 'examples/sequential.json', '--task', 'Nope'], /no task named "Nope"/],
    ['no command', [], /usage: steplab run/],
  ])('exits 2 with one clear line for %s', async (_what, args, message) => {
    const { code, stderr, stdout } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
