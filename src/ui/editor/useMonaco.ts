// Loads the Monaco chunk once, when the first editor mounts and the page is idle, and re-renders when it is ready.
import { useEffect, useState } from 'react';
import type * as MonacoSetup from './monacoSetup.ts';

export type MonacoModule = typeof MonacoSetup;
let loading: Promise<MonacoModule> | null = null;
let loaded: (m: MonacoModule) => void = () => {};
const ready = new Promise<MonacoModule>((resolve) => (loaded = resolve));

function startLoading(): Promise<MonacoModule> {
  loading ??= import('./monacoSetup.ts').then((m) => {
    loaded(m);
    return m;
  });
  return loading;
}

/** Monaco, once an editor has loaded it: asking does not load it sooner, so first paint stays light. */
export const loadMonaco = (): Promise<MonacoModule> => ready;

/** Resolves once the browser is idle (or after `ms`), so the graph paints before Monaco loads. */
const afterFirstPaint = (ms: number) =>
  new Promise<void>((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: ms }) : setTimeout(resolve, 0)));

export function useMonaco(): { monaco: MonacoModule | null; error: string | null } {
  const [state, setState] = useState<{ monaco: MonacoModule | null; error: string | null }>({ monaco: null, error: null });
  useEffect(() => {
    let live = true;
    afterFirstPaint(400)
      .then(startLoading)
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
