// A step module shared by every task must be indistinguishable from one instance per task
// (semantics 2). The analysis is checked on sources that must and must not be shared, and the
// traces of every example and of interleaved subtasks are compared with sharing turned off
// (a top-level `let` keeps a module per task without changing what it does).
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import { parseStep } from '../../src/engine/parseStep.ts';
import { isShareable } from '../../src/engine/shareableModule.ts';
import type { AstNode } from '../../src/engine/astNode.ts';
import type { Workspace } from '../../src/engine/types.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const shareable = (source: string) => isShareable(parse(source, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AstNode);
const module = (content: string, top = '') => `${top}\nexport const condition = { a: 1 };\nexport const content = async () => {\n${content}\n};\n`;

describe('which modules are shared', () => {
  it.each([
    ['plain writes', module('data.b = data.a + 1; task.complete();')],
    ['console, Date, Math and local closures', module("console.log('x'); data.t = new Date().toISOString(); data.n = [1, 2].map((v) => Math.max(v, 1));")],
    ['helpers that are only called, and primitive constants', module('data.b = twice(LIMIT);', 'const LIMIT = 3;\nfunction twice(n) { return 2 * n; }')],
    ['subtasks, redo and park', module("task.subtask('x', { a: 2 }); step.redo(); task.park(5);")],
    ['a condition that reads data', `export const condition = { a: { $lt: data.max } };\nexport const content = async () => { data.a++; };`],
  ])('shares %s', (_name, source) => expect(shareable(source)).toBe(true));

  it.each([
    ['await', module('await null;')],
    ['for await', module('for await (const x of []) {}')],
    ['connectors', module('connectors.a.b();')],
    ['timers', module('setTimeout(() => {}, 1);')],
    ['promise chains', module('Promise.resolve().then(() => { data.x = 1; });')],
    ['an async helper', module('save();', 'async function save() { data.x = 1; }')],
    ['an async arrow inside content', module('const f = async () => 1; f();')],
    ['a top-level let', module('counter++;', 'let counter = 0;')],
    ['a top-level object', module('CACHE.x = 1;', 'const CACHE = {};')],
    ['a top-level regex (lastIndex is state)', module('RE.test(data.s);', 'const RE = /a/g;')],
    ['a top-level expression', module('', "console.log('loaded');")],
    ['state on a helper function', module('helper.count = 1;', 'function helper() {}')],
    ['a helper passed around', module('[1].map(helper);', 'function helper(v) { return v; }')],
    ['this', module('this.x = 1;')],
    ['the task API handed around', module('const t = task; t.complete();')],
    ['a property set on the task API', module('task.later = () => data.a;')],
    ['a global changed', module('Object.foo = 1;')],
    ['a prototype reached', module('const p = Object.getPrototypeOf([]); p.x = 1;')],
    ['an injected name reassigned', module('console = null;')],
    ['an unknown global', module('fetch("x");')],
    ['a class', module('class A {}')],
  ])('keeps one instance per task for %s', (_name, source) => expect(shareable(source)).toBe(false));
});

/** The same workspace with every step forced to keep one instance per task (a top-level `let`). */
const unshared = (ws: Workspace): Workspace => ({ ...ws, steps: ws.steps.map((s) => ({ ...s, source: `${s.source}\nlet __ownInstance = 0;\n` })) });

async function traces(ws: Workspace, taskName?: string) {
  const shared = createRun(ws, { host: nodeHost, taskName });
  await shared.runToEnd();
  const own = createRun(unshared(ws), { host: nodeHost, taskName });
  await own.runToEnd();
  return [shared.events, own.events];
}

describe('a shared module behaves as one instance per task', () => {
  const dir = new URL('../../examples/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it.each(files)('%s: the same trace for every task', async (file) => {
    const ws = parseWorkspace(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    for (const task of ws.tasks) {
      const [a, b] = await traces(ws, task.name);
      expect(a).toEqual(b);
    }
  });

  it('a shared step that throws fails at the same line and column', async () => {
    const ws = workspace([step('{ a: 1 }', "data.b = 2;\n  if (data.a) throw new Error('boom');")], { a: 1 });
    expect(parseStep(ws.steps[0].source).shareable).toBe(true);
    const [a, b] = await traces(ws);
    expect(a).toEqual(b);
    expect(a.find((e) => e.kind === 'step-failed')).toMatchObject({ error: { message: 'boom', line: 4 } });
  });

  it('interleaved subtasks, each with its own data, task and redo', async () => {
    const spawn = step(
      '{ spawn: { $gt: 0 } }',
      "for (let i = 0; i < data.spawn; i++) task.subtask('t' + i, { n: i, left: 3 }, { into: 'out.' + i }); data.spawn = 0;",
    );
    const count = step(
      '{ left: { $gt: 0 } }',
      "data.left--; data.seen = (data.seen ?? '') + task.id(); if (data.left > 0) step.redo(); else task.park(data.n);",
    );
    const finish = step('{ left: 0 }', 'task.complete({ n: data.n, seen: data.seen, at: Date.now() });');
    const ws = workspace([spawn, count, finish], { spawn: 8 });
    expect([spawn, count, finish].map((s) => parseStep(s).shareable)).toEqual([true, true, true]);
    const [a, b] = await traces(ws);
    expect(a).toEqual(b);
    expect(a.filter((e) => e.kind === 'task-ended')).toHaveLength(9);
  });
});
