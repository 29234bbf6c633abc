// Runs inside the sandbox. After the watchdog killed a runaway step run, the parent replays the
// (deterministic) run in a fresh child, naming the runs that timed out: each fails at its start
// with "execution timeout" instead of running its code again, and the rest of the run goes on.
import type { CodeCompiler } from './compileCode.ts';
import { EXECUTION_TIMEOUT } from './timeoutEvents.ts';
import type { TraceEvent } from './types.ts';

type Compiled = ReturnType<CodeCompiler>;
const apply = Reflect.apply;

/** A step run's key: `task:step:run`, as the parent names the runs it killed. */
export const runKey = (task: string, step: number, run: number) => `${task}:${step}:${run}`;

export function createTimedOutGuard(keys: readonly string[]) {
  const timedOut = new Set(keys);
  let current: string | null = null;
  const check = () => {
    if (current !== null && timedOut.has(current)) throw new Error(EXECUTION_TIMEOUT);
  };
  return {
    /** Follows which step run is starting; it is the only one whose module may load or start now. */
    observe(event: TraceEvent): void {
      // Nothing to guard (the usual run): no key to build for every step run.
      if (timedOut.size === 0) return;
      if (event.kind === 'step-started') current = runKey(event.task, event.step, event.run);
      else if (event.kind === 'step-finished' || event.kind === 'step-failed') current = null;
    },
    /** Guards a compiled step module: loading it, and calling its content, fail for a timed-out run. */
    wrap(fn: Compiled): Compiled {
      if (timedOut.size === 0) return fn;
      return function (this: unknown, ...args: unknown[]) {
        check();
        const module = apply(fn, this, args) as { content?: unknown } | null;
        const content = module?.content;
        if (typeof content === 'function') {
          (module as { content: unknown }).content = function (this: unknown, ...rest: unknown[]) {
            check();
            return apply(content, this, rest);
          };
        }
        return module;
      };
    },
  };
}
