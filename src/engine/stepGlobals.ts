// The runtime API a step sees: task, step, connectors, console, audit and virtual timers.
import type { DataGuard } from './dataGuard.ts';
import { toJsonValue } from './jsonValue.ts';
import type { StepGlobals } from './loadStep.ts';
import { parseUserPath } from './paths.ts';
import type { StepRun, TaskState } from './runState.ts';
import type { Json, JsonObject, LogLevel } from './types.ts';

export interface RuntimeContext {
  Date: DateConstructor;
  Math: Math;
  config: Record<string, Json>;
  log(task: TaskState, step: number, level: LogLevel, args: unknown[]): void;
  visualize(run: StepRun, spec: unknown): void;
  callConnector(run: StepRun, connector: string, method: string, args: unknown): Promise<unknown>;
  setTimer(run: StepRun, ms: number, callback: () => unknown, repeat: boolean): number;
  clearTimer(id: number): void;
  /** Counts a subtask toward maxSubtasks; throws LimitError past it. */
  reserveSubtask(task: TaskState): void;
  /** Gives back the quota of subtasks a failed step asked for. */
  releaseSubtasks(count: number): void;
  guard: DataGuard;
  setExpiry(task: TaskState, ms: number): void;
  /** Says, once at the root's end, how much output the run's cap dropped. */
  reportDropped(task: TaskState): void;
}

/** Step API errors that the user caused: the message says what to do. */
export class StepApiError extends Error {
  name = 'StepApiError';
}

function toJson(value: unknown, what: string): Json {
  return toJsonValue(value, what) ?? null;
}

/** A task's result: absent when no argument was given, so the final data becomes the result (§4.7). */
function resultOf(ctx: RuntimeContext, args: unknown[], what: string): { result?: Json } {
  if (args.length === 0 || args[0] === undefined) return {};
  const result = toJson(args[0], what);
  ctx.guard.checkValue(result, what);
  return { result };
}

/**
 * The globals every step module of one task shares. A task runs one step at a time, so calls
 * are attributed to the running step (or, during module set-up, to the step being loaded).
 */
export function createTaskGlobals(ctx: RuntimeContext, task: TaskState): StepGlobals {
  const running = (what: string): StepRun => {
    const run = task.run;
    if (!run || run.ended) throw new StepApiError(`${what} can only be used while a step's content runs`);
    return run;
  };
  const log =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      ctx.log(task, task.run?.step ?? task.loadingStep, level, args);
  const taskApi = {
    complete(...args: unknown[]) {
      const run = running('task.complete()');
      run.effects.complete = resultOf(ctx, args, 'the result of task.complete()');
    },
    ignore() {
      running('task.ignore()').effects.ignore = true;
    },
    park(ms?: number) {
      const wait = Number(ms ?? 0);
      if (!Number.isFinite(wait) || wait < 0) throw new StepApiError(`task.park(ms) needs a number of milliseconds ≥ 0, got ${String(ms)}`);
      running('task.park()').effects.park = wait;
    },
    timeout(ms: number) {
      const wait = Number(ms);
      if (!Number.isFinite(wait) || wait < 0) throw new StepApiError(`task.timeout(ms) needs a number of milliseconds ≥ 0, got ${String(ms)}`);
      ctx.setExpiry(task, wait);
    },
    completeOnExpire(...args: unknown[]) {
      task.completeOnExpire = resultOf(ctx, args, 'the result of task.completeOnExpire()');
    },
    subtask(name: unknown, data: unknown, options?: { into?: unknown; waitFor?: unknown }) {
      const run = running('task.subtask()');
      const childData = toJson(data ?? {}, 'subtask data');
      if (childData === null || typeof childData !== 'object' || Array.isArray(childData)) {
        throw new StepApiError('task.subtask(name, data) needs data to be an object');
      }
      const into = options?.into === undefined || options.into === null ? null : parseUserPath(String(options.into), 'task.subtask(): the into path');
      ctx.guard.checkValue(childData, 'the data of task.subtask()');
      ctx.reserveSubtask(task);
      run.effects.subtasks.push({ name: String(name), data: childData as JsonObject, into, waitFor: Boolean(options?.waitFor) });
    },
    visualize(spec: unknown) {
      ctx.visualize(running('task.visualize()'), spec);
    },
    name(value?: unknown) {
      if (value === undefined) return running('task.name()').effects.name ?? task.name;
      running('task.name()').effects.name = String(value);
      return String(value);
    },
    tags(value?: unknown) {
      if (value === undefined) return [...(running('task.tags()').effects.tags ?? task.tags)];
      if (!Array.isArray(value)) throw new StepApiError('task.tags(list) needs an array of strings');
      running('task.tags()').effects.tags = value.map(String);
      return value.map(String);
    },
    id: () => task.id,
    config: (key: string) => toJson(ctx.config[key], `config.${key}`),
  };
  const stepApi = {
    redo() {
      running('step.redo()').effects.redo = true;
    },
  };
  const connectors = new Proxy({} as Record<string, unknown>, {
    get(_target, connector) {
      if (typeof connector !== 'string' || connector === 'then') return undefined;
      return new Proxy({} as Record<string, unknown>, {
        get(_t, method) {
          if (typeof method !== 'string' || method === 'then') return undefined;
          return (args?: unknown) => ctx.callConnector(running(`connectors.${connector}.${method}()`), connector, method, args);
        },
      });
    },
  });
  const console = {
    log: log('log'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: log('debug'),
    trace: log('debug'),
    dir: log('log'),
    table: log('log'),
  };
  const timer =
    (repeat: boolean) =>
    (callback: unknown, ms?: number, ...args: unknown[]) => {
      if (typeof callback !== 'function') throw new StepApiError('setTimeout needs a function');
      // As in browsers and Node, a delay past 2^31 - 1 ms overflows to (almost) at once; it never jumps the clock to Infinity.
      const wait = Math.max(0, Number(ms) || 0);
      return ctx.setTimer(running('setTimeout'), wait > 2_147_483_647 ? 1 : wait, () => callback(...args), repeat);
    };
  return {
    task: taskApi,
    step: stepApi,
    connectors,
    console,
    audit: { log: log('audit') },
    Date: ctx.Date,
    Math: ctx.Math,
    setTimeout: timer(false),
    setInterval: timer(true),
    clearTimeout: (id: number) => ctx.clearTimer(id),
    clearInterval: (id: number) => ctx.clearTimer(id),
  };
}
