// The page's handle for batch work: the Tests view's task runs and Explore's variants. One
// sandboxed engine serves a whole batch (a fresh one per batch, so nothing outlives it), under a
// watchdog: about every 50 ms the engine says which step runs and for which variant (loose
// beats), and when a step run's slices pass stepTimeoutMs the engine is removed. The call then
// runs again on a fresh engine that beats before every slice, so its answer names the variant
// and step that hung; the next call gets a fresh engine.
import type { Remote } from 'comlink';
import { createWatchdog } from '../engine/watchdog.ts';
import type { EngineApi } from './engine.worker.ts';
import { startEngine, type EngineHandle } from './startEngine.ts';

export type BatchAnswer<T> = { ok: true; value: T } | { ok: false; message: string; variant: number | null; step: number | null };

export interface BatchSession {
  /** Calls the engine; `isValid` checks the answer's shape (it comes from step code's realm). */
  call<T>(fn: (remote: Remote<EngineApi>) => Promise<T>, isValid: (value: unknown) => boolean): Promise<BatchAnswer<T>>;
  dispose(): void;
}

/**
 * Engines started ahead of a batch (while the person looks at the Tests or Explore view), so
 * the batch does not wait ~100 ms for a sandbox and worker to boot. They have run nothing, so
 * each is as fresh as one started on demand; a batch takes them, and the next gets new ones.
 */
const spares: EngineHandle[] = [];

/** Keeps `count` engines booted for the next batch (Explore runs one per lane). */
export function prestartBatchEngine(count = 1): void {
  while (spares.length < count) spares.push(startEngine());
}

function takeEngine(): EngineHandle {
  return spares.shift() ?? startEngine();
}

const TIMEOUT = 'execution timeout';
const FAULT = 'the engine sent a message Steplab does not recognise (step code may have tampered with it)';

export function createBatchSession(stepTimeoutMs: number): BatchSession {
  let engine: EngineHandle | null = null;
  const now = () => performance.now();
  let watchdog = createWatchdog(stepTimeoutMs, now);
  let killed: string | null = null;
  const variant = () => watchdog.seq;
  const step = () => watchdog.slice?.step ?? null;

  const replace = (why: string) => {
    killed = why;
    engine?.dispose();
    engine = null;
  };
  const patrol = setInterval(() => {
    if (watchdog.expired()) replace(TIMEOUT);
  }, 50);

  const fresh = async (): Promise<EngineHandle> => {
    const handle = takeEngine();
    const port = await handle.port;
    port.onProgress = (beat) => {
      if (handle === engine) watchdog.heard(beat);
    };
    port.onMalformed = () => {
      if (handle === engine) replace(FAULT);
    };
    return handle;
  };

  /** One try at a call; 'again' when the watchdog killed it on loose beats (it knows only roughly what hung). */
  const attempt = async <T>(
    fn: (remote: Remote<EngineApi>) => Promise<T>,
    isValid: (value: unknown) => boolean,
    exact: boolean,
  ): Promise<BatchAnswer<T> | 'again'> => {
    killed = null;
    watchdog = createWatchdog(stepTimeoutMs, now);
    try {
      if (!engine) {
        const starting = fresh();
        engine = await starting;
      }
      watchdog.arm();
      const value: unknown = await engine.call(async (remote) => {
        if (exact) await remote.exactBeats(true);
        return fn(remote);
      });
      if (!isValid(value)) {
        replace(FAULT);
        return { ok: false, message: FAULT, variant: variant(), step: step() };
      }
      return { ok: true, value: value as never };
    } catch (error) {
      if (killed === TIMEOUT && !exact && !watchdog.exact) return 'again';
      return { ok: false, message: killed ?? String((error as Error)?.message ?? error), variant: variant(), step: step() };
    } finally {
      watchdog.disarm();
      // An engine switched to exact beats is not kept for the calls after.
      if (exact) {
        engine?.dispose();
        engine = null;
      }
    }
  };

  return {
    async call(fn, isValid) {
      // The batch runs on loose beats; a call killed on them runs again, the same way (it is
      // deterministic), with exact beats, so the answer names the variant and step that hung.
      const answer = await attempt(fn, isValid, false);
      if (answer !== 'again') return answer;
      const exactly = await attempt(fn, isValid, true);
      return exactly === 'again' ? { ok: false, message: TIMEOUT, variant: null, step: null } : exactly;
    },
    dispose() {
      clearInterval(patrol);
      engine?.dispose();
      engine = null;
    },
  };
}
