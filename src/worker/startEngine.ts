// Starts one engine: a sandboxed frame (opaque origin, no network, see sandbox.html) that starts
// the engine worker from a blob: URL and hands the page a MessagePort to it. Every engine is used
// for one workspace check or one run and then thrown away, so nothing step code changes in its
// realm survives into the next. The dev server serves the same worker as one bundled script.
import * as Comlink from 'comlink';
import type { EngineApi } from './engine.worker.ts';
import builtWorkerUrl from './engine.worker.ts?worker&url';
import { guardPort, type GuardedPort } from './guardedPort.ts';

export class WorkerRestartedError extends Error {
  name = 'WorkerRestartedError';
}

export interface EngineHandle {
  /** Calls the engine; rejects with WorkerRestartedError if the engine is disposed first. */
  call<T>(fn: (remote: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T>;
  /** Resolves once the worker is up and listening. */
  ready: Promise<void>;
  port: Promise<GuardedPort>;
  dispose(): void;
}

/** In dev, vite.config.ts serves the worker bundled into one classic script at this path. */
const WORKER_URL = import.meta.env.DEV ? '/@steplab/engine-worker.js' : builtWorkerUrl;
let workerCode: Promise<string> | null = null;
const BOOT_LIMIT_MS = 15_000;

function loadWorkerCode(): Promise<string> {
  workerCode ??= fetch(WORKER_URL).then((response) => {
    if (!response.ok) throw new Error(`the engine could not be loaded (${response.status})`);
    return response.text();
  });
  // A failed load is retried by the next engine instead of failing forever.
  workerCode.catch(() => (workerCode = null));
  return workerCode;
}

export function startEngine(): EngineHandle {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'Steplab step sandbox';
  frame.style.display = 'none';
  const pending = new Set<(error: Error) => void>();
  let disposed = false;
  let onMessage: ((event: MessageEvent) => void) | null = null;
  let guarded: GuardedPort | null = null;
  let rawPort: MessagePort | null = null;

  let bootTimer: ReturnType<typeof setTimeout> | undefined;
  const port = new Promise<GuardedPort>((resolve, reject) => {
    pending.add(reject);
    // A frame that never loads (server gone, page offline) must not leave calls waiting forever.
    bootTimer = setTimeout(() => reject(new Error(`the step sandbox did not start within ${BOOT_LIMIT_MS / 1000} s; reload the page`)), BOOT_LIMIT_MS);
    onMessage = (event: MessageEvent) => {
      // Only the frame we made may talk to us, and only in the two shapes of the handshake.
      if (event.source !== frame.contentWindow || event.origin !== 'null') return;
      const kind = (event.data as { steplab?: unknown } | null)?.steplab;
      if (kind === 'loaded' && event.ports.length === 0) {
        loadWorkerCode().then((code) => frame.contentWindow?.postMessage({ steplab: 'start', code }, '*'), reject);
      } else if (kind === 'ready' && event.ports.length === 1 && !rawPort) {
        rawPort = event.ports[0];
        guarded = guardPort(rawPort);
        pending.delete(reject);
        clearTimeout(bootTimer);
        resolve(guarded);
      }
    };
    window.addEventListener('message', onMessage);
  });
  const remote = port.then((p) => Comlink.wrap<EngineApi>(p));
  const ready = remote.then(() => undefined);
  frame.src = new URL('sandbox.html', document.baseURI).href;
  document.body.append(frame);

  return {
    port,
    ready,
    call<T>(fn: (remote: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
      if (disposed) return Promise.reject(new WorkerRestartedError('the engine was restarted'));
      return new Promise<T>((resolve, reject) => {
        pending.add(reject);
        remote
          .then(fn)
          .then(resolve, reject)
          .finally(() => pending.delete(reject));
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      clearTimeout(bootTimer);
      for (const fail of [...pending]) fail(new WorkerRestartedError('the engine was restarted'));
      pending.clear();
      if (onMessage) window.removeEventListener('message', onMessage);
      if (guarded) guarded.onProgress = guarded.onMalformed = null;
      rawPort?.close();
      // Removing the frame ends its document, and with it the worker and any runaway step.
      frame.remove();
    },
  };
}
