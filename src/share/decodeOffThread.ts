// Runs decodeInput in a fresh worker with a deadline, so a hostile link, file or ZIP can cost
// that worker (which is then terminated) but never freeze the page or lose its workspace.
import type { Decoded, DecodeRequest } from './decodeInput.ts';

const DEADLINE_MS = 15_000;

export function decodeOffThread(request: DecodeRequest): Promise<Decoded> {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Decoded>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`reading it took longer than ${DEADLINE_MS / 1000} s, so it was stopped`)), DEADLINE_MS);
    const finish = (outcome: Decoded | Error) => {
      clearTimeout(timer);
      worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    worker.onmessage = (event: MessageEvent<{ ok: boolean; decoded?: Decoded; message?: string }>) =>
      finish(event.data.ok && event.data.decoded ? event.data.decoded : new Error(event.data.message ?? 'the input could not be read'));
    // A worker that runs out of memory or fails to load ends up here.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(new Error('it is too large or damaged to read'));
    };
    worker.postMessage(request);
  });
}
