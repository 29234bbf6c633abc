// The page's handle for batch work: the Tests view's task runs and Explore's variants. One
// sandboxed engine serves a whole batch (a fresh one per batch, so nothing outlives it), under a
// watchdog: before each slice of step code the engine says which step runs and for which variant,
// and when a step run's slices pass stepTimeoutMs the engine is removed, the call answers with
// the variant and step that hung, and the next call gets a fresh engine.
import type { Remote } from 'comlink';
import type { EngineApi } from './engine.worker.ts';
import { startEngine, type EngineHandle } from './startEngine.ts';

export type BatchAnswer<T> = { ok: true; value: T } | { ok: false; message: string; variant: number | null; step: number | null };

export interface BatchSession {
  /** Calls the engine; `isValid` checks the answer's shape (it comes from step code's realm). */
  call<T>(fn: (remote: Remote<EngineApi>) => Promise<T>, isValid: (value: unknown) => boolean): Promise<BatchAnswer<T>>;
  dispose(): void;
}

const FAULT = 'the engine sent a message Steplab does not recognise (step code may have tampered with it)';

export function createBatchSession(stepTimeoutMs: number): BatchSession {
  let engine: EngineHandle | null = null;
  let variant: number | null = null;
  let step: number | null = null;
  let spentMs = 0;
  let heardAt = 0;
  let busy = false;
  let killed: string | null = null;

  const replace = (why: string) => {
    killed = why;
    engine?.dispose();
    engine = null;
  };
  const watchdog = setInterval(() => {
    if (!busy) return;
    const allowed = Math.max(0, stepTimeoutMs - (step !== null ? spentMs : 0));
    if (performance.now() - heardAt > allowed) replace('execution timeout');
  }, 50);

  const fresh = async (): Promise<EngineHandle> => {
    const handle = startEngine();
    const port = await handle.port;
    port.onProgress = (progress) => {
      if (handle !== engine) return;
      heardAt = performance.now();
      variant = progress.seq ?? variant;
      step = progress.slice?.step ?? null;
      spentMs = progress.slice?.spentMs ?? 0;
    };
    port.onMalformed = () => {
      if (handle === engine) replace(FAULT);
    };
    return handle;
  };

  return {
    async call(fn, isValid) {
      killed = null;
      variant = step = null;
      spentMs = 0;
      try {
        if (!engine) {
          const starting = fresh();
          engine = await starting;
        }
        busy = true;
        heardAt = performance.now();
        const value: unknown = await engine.call(fn);
        if (!isValid(value)) {
          replace(FAULT);
          return { ok: false, message: FAULT, variant, step };
        }
        return { ok: true, value: value as never };
      } catch (error) {
        return { ok: false, message: killed ?? String((error as Error)?.message ?? error), variant, step };
      } finally {
        busy = false;
      }
    },
    dispose() {
      clearInterval(watchdog);
      engine?.dispose();
      engine = null;
    },
  };
}
