// The CLI's escape suite (issue 11): step code tries to reach the machine, the network or the
// CLI process. Each attempt must end in a clear step error, write nothing, send no request and
// read no environment. Most attempts run as subtasks of one run, so one CLI process covers them.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, scratch, stepSource } from './cliHarness.ts';

const tmp = scratch('escape');
const marker = join(tmp.dir, 'pwned.txt');
let server: Server;
let hits = 0;
let url = '';

beforeAll(async () => {
  process.env.STEPLAB_ESCAPE_SECRET = 'hunter2-escape';
  server = createServer((_req, res) => {
    hits++;
    res.end('hi');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What step code does with `process` if it ever gets it: write the marker, call home, read env. */
const use = () =>
  `const use = (p) => { if (p == null) return; console.log('REACHED', typeof p);
  try { p.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x'); } catch {}
  try { p.getBuiltinModule('node:http').get(${JSON.stringify(url)}); } catch {}
  data.env = JSON.stringify(p.env); };`;

function attacks(): Record<string, [string, RegExp]> {
  const u = JSON.stringify(url);
  return {
    'process.exit': ['process.exit(0);', /ReferenceError: process is not defined/],
    require: ["use({ env: require('fs') });", /ReferenceError: require is not defined/],
    module: ['module.exports = {}; use(module);', /ReferenceError: module is not defined/],
    'globalThis.process': ['use(globalThis.process); globalThis.process.exit(0);', /TypeError: .*(exit|undefined)/],
    'this.constructor': ['use(this.constructor.constructor("return process")());', /TypeError: Cannot read properties of undefined/],
    'globalThis.constructor': ['use(globalThis.constructor.constructor("return process")());', /EvalError: Code generation from strings disallowed/],
    'data.constructor': ['use(data.constructor.constructor("return process")());', /EvalError: Code generation from strings disallowed/],
    'task API constructor': ['use(task.complete.constructor("return process")());', /EvalError: Code generation from strings disallowed/],
    'connector promise constructor': [
      'use(connectors.api.get({}).constructor.constructor("return process")());',
      /EvalError: Code generation from strings disallowed/,
    ],
    eval: ['use(eval("process"));', /EvalError: Code generation from strings disallowed/],
    'Error.prepareStackTrace': [
      `Error.prepareStackTrace = (e, frames) => frames;
  const frames = new Error('x').stack;
  for (const f of frames) for (const o of [f.getThis(), f.getFunction()]) if (o) use(o.constructor.constructor('return process')());
  throw new Error('prepareStackTrace gave ' + frames.length + ' frames and no objects');`,
      /prepareStackTrace gave \d+ frames and no objects/,
    ],
    fetch: [`await fetch(${u});`, /ReferenceError: fetch is not defined/],
    WebSocket: [`new WebSocket(${u}.replace('http', 'ws'));`, /ReferenceError: WebSocket is not defined/],
    XMLHttpRequest: [`const x = new XMLHttpRequest(); x.open('GET', ${u}); x.send();`, /ReferenceError: XMLHttpRequest is not defined/],
    importScripts: [`importScripts(${u});`, /ReferenceError: importScripts is not defined/],
    'navigator.sendBeacon': [`navigator.sendBeacon(${u}, 'x');`, /ReferenceError: navigator is not defined/],
    'connector into __proto__': ["await connectors.api.get({ into: '__proto__.polluted' });", /the into path "__proto__\.polluted" is not allowed/],
    'subtask into __proto__': ["task.subtask('child', { a: 1 }, { into: '__proto__.x' });", /the into path "__proto__\.x" is not allowed/],
    WebAssembly: ['await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));', /WebAssembly|Wasm code generation disallowed/i],
    'throw a Proxy with throwing traps': [
      "const trap = () => { throw new Error('trap'); };\n  throw new Proxy({}, { get: trap, getPrototypeOf: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });",
      /./,
    ],
    'throw a Symbol': ["throw Symbol('boom');", /Symbol\(boom\)/],
    'throw null': ['throw null;', /null/],
    'throw throwing getters': ['throw { get message() { throw 1; }, get stack() { throw 2; }, get name() { throw 3; }, toString() { throw 4; } };', /./],
    'a throwing setTimeout callback': ["setTimeout(() => { throw new Error('late'); }, 10);\n  await new Promise((r) => setTimeout(r, 20));", /late/],
    'a code mock returning a circular object': ['await connectors.api.circular({});', /circular/],
    'data nested 100,000 deep': ['let o = {};\n  for (let i = 0; i < 100000; i++) o = { a: o };\n  data.deep = o;', /./],
  };
}

function fanOutWorkspace() {
  const names = Object.keys(attacks());
  const steps = [
    {
      name: 'Fan out',
      source: stepSource(
        '{ start: true }',
        `  for (const name of ${JSON.stringify(names)}) task.subtask(name, { attack: name }, { into: 'results.' + name.replace(/\\W/g, '_') });\n  data.start = false;`,
      ),
    },
    ...Object.entries(attacks()).map(([name, [body]]) => ({ name, source: stepSource(`{ attack: ${JSON.stringify(name)} }`, `  ${use()}\n  ${body}`) })),
    { name: 'import node:fs', source: stepSource('{ never: 1 }', '  const fs = await import("node:fs");') },
    { name: 'import node:child_process', source: stepSource('{ never: 1 }', '  const cp = await import("node:child_process");\n  cp.execSync("touch x");') },
  ];
  const connectors = {
    api: { get: { responses: [{ returns: { ok: 1 } }] }, circular: { source: 'export default async () => { const o = {}; o.self = o; return o; }' } },
  };
  return { steps, tasks: [{ name: 'Escape', data: { start: true } }], connectors };
}

describe('cli escape suite', () => {
  it('ends every attempt in a clear step error, with no trace on the host and no request', async () => {
    const path = tmp.write('escape.json', fanOutWorkspace());
    const { code, stdout, stderr } = await cli('run', path, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    for (const [name, [, message]] of Object.entries(attacks())) {
      const task = doc.tasks.find((t: { name: string }) => t.name === name);
      expect(task?.status, name).toBe('error');
      expect(typeof task.error.message, name).toBe('string');
      expect(task.error.message.length, name).toBeGreaterThan(0);
      expect(task.error.message, name).toMatch(message);
      expect(task.error.message, name).not.toMatch(/unexpected failure/);
    }
    expect(doc.invalid).toEqual([
      { step: 'import node:fs', index: expect.any(Number), message: 'import() is not available in steps', line: 3, column: 20 },
      { step: 'import node:child_process', index: expect.any(Number), message: 'import() is not available in steps', line: 3, column: 20 },
    ]);
    expect(doc.logs.filter((l: { text: string }) => l.text.includes('REACHED'))).toEqual([]);
    expect(stdout).not.toContain('hunter2-escape');
    expect(existsSync(marker)).toBe(false);
    expect(hits).toBe(0);
  }, 60_000);

  it('keeps Object.prototype writes inside the sandbox: the CLI still prints a whole, honest result', async () => {
    const path = tmp.write('proto.json', {
      steps: [
        { name: 'Pollute', source: stepSource('{ go: 1 }', "  Object.prototype.polluted = 'yes';\n  Array.prototype.injected = 1;\n  data.a = 1;") },
        { name: 'Look', source: stepSource('{ a: 1 }', "  data.seen = ({}).polluted ?? 'none';\n  task.complete();") },
      ],
      tasks: [{ name: 'T', data: { go: 1 } }],
    });
    const { code, stdout, stderr } = await cli('run', path, '--json');
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    // One run is one realm (as in the browser worker): a later step of the same run sees the write.
    expect(doc).toMatchObject({ status: 'done', ran: ['Pollute', 'Look'], data: { go: 1, a: 1, seen: 'yes' } });
    expect(stdout).not.toMatch(/"polluted"|"injected"/);
  }, 30_000);

  it('ends the run in a clear error when step code hijacks toJSON or JSON itself', async () => {
    for (const body of ["Object.prototype.toJSON = function () { return 'pwned'; };\n  data.x = 1;", 'JSON.stringify = () => "{}";\n  data.x = 1;']) {
      const path = tmp.write('tojson.json', {
        steps: [{ name: 'Hijack', source: stepSource('{ go: 1 }', `  ${body}`) }],
        tasks: [{ name: 'T', data: { go: 1 } }],
      });
      const { code, stdout, stderr } = await cli('run', path, '--json');
      expect(stderr).toBe('');
      expect([0, 1]).toContain(code);
      const doc = JSON.parse(stdout);
      expect(['done', 'error', 'incomplete']).toContain(doc.status);
      if (doc.status === 'error') expect(doc.error.message).toMatch(/\w/);
    }
  }, 30_000);

  it('survives a condition that calls process.exit(0): it just does not match', async () => {
    const path = tmp.write('cond.json', {
      steps: [
        { name: 'Exit', source: stepSource('{ go: (process.exit(0), 1) }', '  data.ran = true;') },
        { name: 'Finish', source: stepSource('{ go: 1 }', '  task.complete();') },
      ],
      tasks: [{ name: 'T', data: { go: 1 } }],
    });
    const { code, stdout } = await cli('run', path, '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ status: 'done', ran: ['Finish'] });
    expect(doc.events).toContainEqual(expect.objectContaining({ kind: 'condition-error', step: 0, message: 'process is not defined' }));
  }, 30_000);

  it('fails a step whose module top level calls process.exit(0)', async () => {
    const source = `process.exit(0);\n${stepSource('{ go: 1 }', '  task.complete();')}`;
    const path = tmp.write('top.json', { steps: [{ name: 'Top', source }], tasks: [{ name: 'T', data: { go: 1 } }] });
    const { code, stdout } = await cli('run', path, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toMatchObject({ message: 'ReferenceError: process is not defined', step: 'Top', line: 1 });
  }, 30_000);

  it('lets a step leave rejected promises unhandled, as in a browser worker, without ending the run', async () => {
    const body = "  Promise.reject(new Error('nobody listens'));\n  data.n++;\n  if (data.n < 3000) step.redo();";
    const path = tmp.write('unhandled.json', {
      steps: [{ name: 'Reject', source: stepSource('{ n: Number }', body) }],
      tasks: [{ name: 'T', data: { n: 0 } }],
    });
    const { code, stdout, stderr } = await cli('run', path, '--json');
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'incomplete', stepRuns: 3000, data: { n: 3000 } });
  }, 60_000);
});
