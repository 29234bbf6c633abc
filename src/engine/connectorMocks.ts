// Answers `connectors.<name>.<method>(args)` from the workspace's mocks: scripted responses
// (used in order, the last repeats) or a code mock run in the step sandbox.
import { parse } from 'acorn';
import { compileCode } from './compileCode.ts';
import { findImportCall } from './parseStep.ts';
import { messageOf } from './sourceLocation.ts';
import type { CodeMock, ConnectorMocks, MethodMock } from './types.ts';
import type { AstNode } from './astNode.ts';

export interface MockAnswer {
  latencyMs: number;
  /** Settles with the value, or rejects with the Error the step will see. */
  outcome: Promise<unknown>;
}

export interface MockSandbox {
  Date: DateConstructor;
  Math: Math;
  console: unknown;
}

export class MissingMockError extends Error {
  constructor(
    readonly connector: string,
    readonly method: string,
  ) {
    super(`connector "${connector}" has no mock for "${method}"`);
    this.name = 'MissingMockError';
  }
}

export interface MockBook {
  answer(connector: string, method: string, args: unknown, sandbox: MockSandbox): MockAnswer;
}

export function createMockBook(mocks: ConnectorMocks): MockBook {
  const calls = new Map<string, number>();
  const compiled = new Map<string, (args: unknown, call: number, sandbox: MockSandbox) => unknown>();
  return {
    answer(connector, method, args, sandbox) {
      const mock: MethodMock | undefined = Object.prototype.hasOwnProperty.call(mocks, connector) ? mocks[connector]?.[method] : undefined;
      if (!mock) {
        if (connector === 'utils' && method === 'sleep') return sleepAnswer(args);
        return { latencyMs: 0, outcome: Promise.reject(new MissingMockError(connector, method)) };
      }
      const key = `${connector}.${method}`;
      const call = (calls.get(key) ?? 0) + 1;
      calls.set(key, call);
      const latencyMs = Math.max(0, Number(mock.latencyMs ?? 0) || 0);
      if ('source' in mock) {
        let fn = compiled.get(key);
        if (!fn) {
          fn = compiledMock(mock, key);
          compiled.set(key, fn);
        }
        const run = fn;
        return { latencyMs, outcome: Promise.resolve().then(() => run(args, call, sandbox)) };
      }
      const responses = mock.responses ?? [];
      const response = responses[Math.min(call, responses.length) - 1];
      if (!response) return { latencyMs, outcome: Promise.resolve(null) };
      if ('throws' in response) return { latencyMs, outcome: Promise.reject(new Error(String(response.throws))) };
      return { latencyMs, outcome: Promise.resolve(response.returns) };
    },
  };
}

function sleepAnswer(args: unknown): MockAnswer {
  const ms = Number((args as { milliseconds?: unknown } | null)?.milliseconds ?? 0);
  return { latencyMs: Number.isFinite(ms) && ms > 0 ? ms : 0, outcome: Promise.resolve(null) };
}

type CompiledMock = (args: unknown, call: number, sandbox: MockSandbox) => unknown;

/**
 * Compiled mocks by name and source, kept across runs: parsing and compiling cost more than a
 * short run. Sharing is safe because each call evaluates the mock's module afresh (see below).
 */
const compiledMocks = new Map<string, CompiledMock>();
const COMPILED_MAX = 500;

function compiledMock(mock: CodeMock, key: string): CompiledMock {
  const cacheKey = `${key}\u0000${mock.source}`;
  let fn = compiledMocks.get(cacheKey);
  if (!fn) {
    if (compiledMocks.size >= COMPILED_MAX) compiledMocks.clear();
    fn = compileCodeMock(mock, key);
    compiledMocks.set(cacheKey, fn);
  }
  return fn;
}

/** Compiles `export default async (args, call) => …` into a function; errors reach the step as rejections. */
function compileCodeMock(mock: CodeMock, key: string): CompiledMock {
  try {
    const program = parse(mock.source, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AstNode;
    const exported = program.body.find((node: AstNode) => node.type === 'ExportDefaultDeclaration');
    if (!exported) throw new Error('it needs `export default async (args, call) => …`');
    if (findImportCall(program)) throw new Error('import() is not available in mocks');
    const body = mock.source.slice(0, exported.start) + 'return ' + mock.source.slice(exported.declaration.start);
    const factory = compileCode(['__steplab'], `"use strict"; const { Date, Math, console } = __steplab;\n${body}\n//# sourceURL=steplab-mock-${key}.js`);
    return (args, call, sandbox) => {
      const fn = factory(sandbox);
      if (typeof fn !== 'function') throw new Error(`mock ${key}: the default export is not a function`);
      return fn(args, call);
    };
  } catch (error) {
    const message = `mock ${key} cannot be loaded: ${messageOf(error)}`;
    return () => {
      throw new Error(message);
    };
  }
}
