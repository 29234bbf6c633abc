// Starts the engine worker and returns a comlink remote over a MessagePort. In a build the
// worker lives in a sandboxed frame (opaque origin, no network, see sandbox.html); the dev
// server cannot serve it there (its module worker would need cross-origin imports), so dev runs
// the worker directly and says so once in the console.
import * as Comlink from 'comlink';
import type { EngineApi } from './engine.worker.ts';
import engineWorkerUrl from './engine.worker.ts?worker&url';

export interface EngineHandle {
  remote: Promise<Comlink.Remote<EngineApi>>;
  dispose(): void;
}

let workerCode: Promise<string> | null = null;
let warned = false;

export function startEngine(): EngineHandle {
  if (import.meta.env.DEV) return startDirect();
  return startSandboxed();
}

function startDirect(): EngineHandle {
  if (!warned) {
    warned = true;
    console.info('Steplab dev server: step code runs in a plain worker; builds run it in the sandboxed frame.');
  }
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const channel = new MessageChannel();
  worker.postMessage({ steplabPort: channel.port2 }, [channel.port2]);
  const remote = Comlink.wrap<EngineApi>(channel.port1);
  return {
    remote: Promise.resolve(remote),
    dispose() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

function startSandboxed(): EngineHandle {
  workerCode ??= fetch(engineWorkerUrl).then((response) => {
    if (!response.ok) throw new Error(`the engine could not be loaded (${response.status})`);
    return response.text();
  });
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.title = 'Steplab step sandbox';
  frame.style.display = 'none';
  let onMessage: ((event: MessageEvent) => void) | null = null;
  let port: MessagePort | null = null;
  const remote = new Promise<Comlink.Remote<EngineApi>>((resolve, reject) => {
    onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      const kind = (event.data as { steplab?: string } | null)?.steplab;
      if (kind === 'loaded') workerCode!.then((code) => frame.contentWindow?.postMessage({ steplab: 'start', code }, '*'), reject);
      if (kind === 'ready' && event.ports[0]) {
        port = event.ports[0];
        resolve(Comlink.wrap<EngineApi>(port));
      }
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = new URL('sandbox.html', document.baseURI).href;
  document.body.append(frame);
  return {
    remote,
    dispose() {
      if (onMessage) window.removeEventListener('message', onMessage);
      port?.close();
      // Removing the frame ends its document, and with it the worker and any runaway step.
      frame.remove();
    },
  };
}
