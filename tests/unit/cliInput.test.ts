// Bad CLI input (issue 10): each ends with exit 2 and exactly one line on stderr that names the
// file and the fault, with no stack. And --json output arrives whole through a pipe.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliScript, root, scratch, workspace } from './cliHarness.ts';

const tmp = scratch('input');
const folder = (name: string, files: Record<string, string | Uint8Array>) => {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) tmp.write(join(name, file), content);
  return dir;
};
const binary = Uint8Array.from({ length: 256 }, (_, i) => (i * 37) % 256);
const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

function cases(): [string, string[], RegExp][] {
  const fifo = join(tmp.dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  const loop = join(tmp.dir, 'loop-a.json');
  symlinkSync(join(tmp.dir, 'loop-b.json'), loop);
  symlinkSync(loop, join(tmp.dir, 'loop-b.json'));
  const big = tmp.write('big.json', '');
  truncateSync(big, 51 * 1024 * 1024);
  const dirJs = join(tmp.dir, 'dir.js');
  mkdirSync(dirJs);
  return [
    ['a missing file', ['run', join(tmp.dir, 'nope.json')], /nope\.json: no such file or folder$/],
    ['a folder with no step files', ['run', folder('empty', { 'notes.txt': 'hi' })], /empty: empty holds no \.js step files$/],
    ['a folder of binary .js files', ['run', folder('bin', { 'a.js': binary })], /bin\/a\.js: a binary file, not text/],
    ['a directory named x.js as the input', ['run', dirJs], /dir\.js: dir\.js holds no \.js step files$/],
    ['a FIFO with no writer', ['run', fifo], /pipe\.json: nothing more to read after 5 s/],
    ['/dev/zero', ['run', '/dev/zero'], /\/dev\/zero: a device, not a file$/],
    ['a binary file', ['run', tmp.write('bin.json', binary)], /bin\.json: a binary file, not text/],
    ['invalid UTF-8', ['run', tmp.write('latin1.json', Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]))], /latin1\.json: not valid UTF-8 text$/],
    ['a symlink loop', ['run', loop], /loop-a\.json: a symbolic link loop$/],
    ['a file over 50 MB', ['run', big], /big\.json: 51 MB, over the 50 MB input limit$/],
    [
      'data nested 100,000 deep',
      ['run', tmp.write('deep.json', `{"steps":[],"tasks":[{"name":"T","data":${deep(100_000)}}]}`)],
      /deep\.json: nested deeper than 1000 levels \(at tasks\.0\.data\.a\./,
    ],
    ['invalid JSON', ['run', tmp.write('bad.json', '{ "steps": [')], /bad\.json: not valid JSON/],
    ['a document that is no workspace', ['run', tmp.write('nows.json', { hello: 1 })], /nows\.json: not a Steplab workspace: steps: expected an array/],
    ['an unknown flag', ['run', 'examples/sequential.json', '--fast'], /unknown option "--fast"; usage: steplab run/],
    ['--seed ""', ['run', 'examples/sequential.json', '--seed', ''], /--seed needs a whole number .*, got ""$/],
    ['--seed 1e300', ['run', 'examples/sequential.json', '--seed', '1e300'], /--seed needs a whole number .*, got "1e300"$/],
    ['--seed 1.5', ['run', 'examples/sequential.json', '--seed=1.5'], /got "1\.5"$/],
    ['no command', [], /^steplab: usage: steplab run/],
    ['an unknown command', ['go'], /unknown command "go"; usage: steplab run/],
    ['two inputs', ['run', 'a.json', 'b.json'], /only one workspace can be run at a time; usage/],
    [
      '--task with an unknown name',
      ['run', 'examples/sequential.json', '--task', 'Nope'],
      /sequential\.json: no task named "Nope"; the tasks are "New order", "Order without items"$/,
    ],
  ];
}

describe('cli bad input', () => {
  it.each(cases())(
    'exits 2 with one clear line for %s',
    async (_what, args, message) => {
      const { code, stdout, stderr } = await cli(...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.endsWith('\n')).toBe(true);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr.trimEnd()).toMatch(message);
      expect(stderr).not.toMatch(/\bat .*:\d+:\d+|unexpected failure|internal error/);
    },
    20_000,
  );

  it('exits 2 naming a directory called x.js inside a step folder', async () => {
    const dir = folder('withdir', { 'a.js': 'export const condition = { a: 1 };\nexport const content = async () => {};\n' });
    mkdirSync(join(dir, 'x.js'));
    const { code, stderr } = await cli('run', dir);
    expect(code).toBe(2);
    expect(stderr.trimEnd()).toMatch(/withdir\/x\.js: a folder, not a step file$/);
  });

  it('delivers a whole 10,000-step --json document through a pipe', async () => {
    const path = tmp.write(
      'many.json',
      workspace([['Count', '{ n: Number }', "  data.n++;\n  data.pad = 'x'.repeat(200) + data.n;\n  step.redo();"]], { n: 0 }),
    );
    const reader =
      "let s='';process.stdin.setEncoding('utf8').on('data',(d)=>s+=d).on('end',()=>{const d=JSON.parse(s);console.log(JSON.stringify([s.length,d.stepRuns,d.status,d.error.message]))})";
    const out = await new Promise<string>((resolve, reject) => {
      const command = `"${process.execPath}" "${cliScript()}" run "${path}" --json | "${process.execPath}" -e "${reader}"`;
      execFile('sh', ['-c', command], { cwd: root, maxBuffer: 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
    const [length, stepRuns, status, message] = JSON.parse(out);
    expect(length).toBeGreaterThan(5_000_000);
    expect([stepRuns, status, message]).toEqual([10_000, 'error', 'step limit reached (10000)']);
  }, 120_000);
});
