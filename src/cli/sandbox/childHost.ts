// The sandbox child's host side. It runs under Node's permission model (no file access, no child
// processes, no workers) with code generation from strings disabled, receives the workspace over
// IPC, and runs the engine bundle inside a fresh vm context that has no Node globals at all.
import vm from 'node:vm';
import type { SandboxHost } from './engineEntry.ts';

/** The engine bundle (engineEntry.ts and the engine), inlined by buildChild.ts. */
declare const STEPLAB_ENGINE_BUNDLE: string;

const IMPORT_MESSAGE = 'import() is not available in steps';
const SOURCE_URL = /\n\/\/# sourceURL=([^\n]+?)\s*$/;

process.once('message', (input: unknown) => {
  if (typeof input !== 'string' || !process.send) return process.exit(70);
  const send = process.send.bind(process);
  // A null-prototype sandbox object: with `{}`, `globalThis.constructor` would be the host's Object.
  const context = vm.createContext(Object.create(null), {
    name: 'steplab sandbox',
    codeGeneration: { strings: false, wasm: false },
  });
  // fast-check (bundled for Explore) keeps a reference to setTimeout when it loads; these
  // realm-own stand-ins satisfy that without handing the realm a host timer.
  vm.runInContext(
    'delete globalThis.console; globalThis.setTimeout = globalThis.clearTimeout = function () { throw new Error("real timers do not exist in the sandbox"); };',
    context,
  );
  const makeError = vm.runInContext('(message) => new Error(message)', context) as (message: string) => Error;
  // A rejection made in the sandbox's realm, so `import()` hands step code no host object.
  const importModuleDynamically = (() => {
    throw makeError(IMPORT_MESSAGE);
  }) as unknown as vm.CompileFunctionOptions['importModuleDynamically'];
  const host: SandboxHost = {
    send(text) {
      if (typeof text !== 'string') return;
      try {
        send(text);
      } catch {
        // The parent is gone; the watchdog or the exit handler below ends this process.
      }
    },
    defer(callback) {
      setImmediate(() => callback());
    },
    compile(params, body) {
      try {
        // A `//# sourceURL` comment would reset the line offset, so it becomes the filename; lineOffset
        // 2 keeps V8's `new Function` layout, which sourceLocation.ts maps back to the user's lines.
        const text = String(body);
        const named = SOURCE_URL.exec(text);
        return vm.compileFunction(named ? text.slice(0, named.index) : text, String(params).split(',').filter(Boolean), {
          parsingContext: context,
          filename: named?.[1] ?? 'steplab-code.js',
          lineOffset: 2,
          importModuleDynamically,
        }) as (...args: unknown[]) => unknown;
      } catch (error) {
        return String((error as Error)?.message ?? error);
      }
    },
  };
  const wrapper = new vm.Script(`(function (module) {\n${STEPLAB_ENGINE_BUNDLE}\n})`, { filename: 'steplab-engine.js' });
  const moduleObject = vm.runInContext('({ exports: {} })', context) as { exports: { start(host: SandboxHost, input: string): void } };
  (wrapper.runInContext(context) as (module: unknown) => void)(moduleObject);
  moduleObject.exports.start(host, input);
});
process.on('disconnect', () => process.exit(0));
// A promise a step rejects and never handles is its own business, as in a browser worker; Node's
// default would end the process.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', (error) => {
  let message = 'an uncaught error';
  try {
    message = String((error as Error)?.message ?? error);
  } catch {
    // keep the generic message
  }
  try {
    process.send?.(JSON.stringify({ type: 'failed', message }));
  } finally {
    process.exitCode = 70;
    process.disconnect?.();
  }
});
// Asked for only now: a message sent before the listener above existed would be lost.
process.send?.(JSON.stringify({ type: 'ready' }));
