// Loads the Monaco chunk once, on first use, and re-renders when it is ready.
import { useEffect, useState } from 'react';
import type * as MonacoSetup from './monacoSetup.ts';

export type MonacoModule = typeof MonacoSetup;
let loading: Promise<MonacoModule> | null = null;

export function loadMonaco(): Promise<MonacoModule> {
  loading ??= import('./monacoSetup.ts');
  return loading;
}

/** Resolves once the browser is idle (or after `ms`), so the graph paints before Monaco loads. */
const afterFirstPaint = (ms: number) =>
  new Promise<void>((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: ms }) : setTimeout(resolve, 0)));

export function useMonaco(): { monaco: MonacoModule | null; error: string | null } {
  const [state, setState] = useState<{ monaco: MonacoModule | null; error: string | null }>({ monaco: null, error: null });
  useEffect(() => {
    let live = true;
    afterFirstPaint(400)
      .then(loadMonaco)
      .then(
        (monaco) => live && setState({ monaco, error: null }),
        (error: Error) => live && setState({ monaco: null, error: `The code editor could not load: ${error.message}` }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
