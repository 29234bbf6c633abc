// The runtime API's side inside the scheduler: logs, visualize, connector calls on the virtual
// clock, step timers, subtask accounting and task expiry. createRun owns the loop; this owns
// what a step's calls turn into.
import { createMockBook } from './connectorMocks.ts';
import type { DataGuard } from './dataGuard.ts';
import { formatLogArgs, jsonReplacer } from './describeValue.ts';
import type { QueuedEvent } from './eventQueue.ts';
import { jsonCopy, toJsonValue } from './jsonValue.ts';
import { LimitError, MAX_LOG_CHARS, MAX_OUTPUT_BYTES, MAX_TIMER_FIRINGS } from './limits.ts';
import type { StepGlobals } from './loadStep.ts';
import { parseUserPath, setAt } from './paths.ts';
import type { StepRun, TaskState } from './runState.ts';
import type { RuntimeContext } from './stepGlobals.ts';
import type { Json, NewTraceEvent, Workspace } from './types.ts';

export interface RuntimeDeps {
  workspace: Workspace;
  Date: DateConstructor;
  Math: Math;
  now(): number;
  /** The seq the next event will get (connector calls are numbered by it). */
  nextSeq(): number;
  emit(event: NewTraceEvent): void;
  schedule(time: number, task: TaskState, fire: () => StepRun | null, owner?: StepRun): QueuedEvent<StepRun | null>;
  globalsOf(task: TaskState): StepGlobals;
  expire(task: TaskState): void;
  guard: DataGuard;
  noteLimit(task: TaskState, message: string): void;
}

export function createRuntimeContext(deps: RuntimeDeps): RuntimeContext {
  const { workspace, Date: VirtualDate, Math: VirtualMath } = deps;
  const mocks = createMockBook(workspace.connectors);
  const timers = new Map<number, { run: StepRun; event: QueuedEvent<StepRun | null> }>();
  let timerIds = 0;
  let subtaskCount = 0;
  // Logs and visualize share one output budget per run (limits.ts); past it, output is dropped.
  // Each entry also counts a fixed overhead, so a flood of tiny logs is bounded too.
  const EVENT_OVERHEAD = 64;
  let outputBytes = 0;
  let outputFull = false;
  const dropped = { entries: 0, bytes: 0 };
  const spendOutput = (task: TaskState, step: number, bytes: number): boolean => {
    if (!outputFull && outputBytes + bytes <= MAX_OUTPUT_BYTES) {
      outputBytes += bytes;
      return true;
    }
    dropped.entries++;
    dropped.bytes += bytes;
    if (!outputFull) {
      outputFull = true;
      const text = `output limit reached: this run recorded ${MAX_OUTPUT_BYTES} bytes of logs and visualize data; later output is dropped`;
      deps.emit({ kind: 'log', task: task.id, step, level: 'warn', text });
      deps.noteLimit(task, text);
    }
    return false;
  };
  const ctx: RuntimeContext = {
    reportDropped(task) {
      if (dropped.entries === 0) return;
      const text = `${dropped.entries.toLocaleString('en-US')} log and visualize entries (${dropped.bytes.toLocaleString('en-US')} bytes) were dropped past the run's output limit`;
      deps.emit({ kind: 'log', task: task.id, step: null, level: 'warn', text });
      dropped.entries = 0;
    },
    Date: VirtualDate,
    Math: VirtualMath,
    config: workspace.config,
    guard: deps.guard,
    log(task, step, level, args) {
      let text = formatLogArgs(args);
      if (text.length > MAX_LOG_CHARS)
        text = `${text.slice(0, MAX_LOG_CHARS)}… (${text.length - MAX_LOG_CHARS} more characters cut; a log entry keeps ${MAX_LOG_CHARS})`;
      if (spendOutput(task, step, text.length + EVENT_OVERHEAD)) deps.emit({ kind: 'log', task: task.id, step, level, text });
    },
    visualize(run, spec) {
      const s = (spec ?? {}) as { type?: unknown; name?: unknown; data?: unknown };
      const data = jsonCopy(s.data ?? null, jsonReplacer);
      const bytes = deps.guard.size(data);
      const name = String(s.name ?? '');
      if (bytes > deps.guard.maxBytes) {
        deps.emit({
          kind: 'log',
          task: run.task.id,
          step: run.step,
          level: 'warn',
          text: `task.visualize("${name}") not recorded: its data is ${bytes} bytes of JSON, over maxDataBytes (${deps.guard.maxBytes})`,
        });
        return;
      }
      if (!spendOutput(run.task, run.step, bytes + EVENT_OVERHEAD)) return;
      deps.emit({ kind: 'visualize', task: run.task.id, step: run.step, type: String(s.type ?? 'data'), name, data });
    },
    callConnector(run, connector, method, args) {
      const into = (args as { into?: unknown } | null)?.into;
      const intoPath = typeof into === 'string' && into ? parseUserPath(into, `connectors.${connector}.${method}(): the into path`) : null;
      const call = deps.nextSeq();
      const jsonArgs = toJsonValue(args, `the arguments of connectors.${connector}.${method}()`) ?? null;
      deps.guard.checkValue(jsonArgs, `the arguments of connectors.${connector}.${method}()`);
      deps.emit({ kind: 'connector-call', task: run.task.id, step: run.step, call, connector, method, args: jsonArgs });
      const console = deps.globalsOf(run.task).console;
      const answer = mocks.answer(connector, method, jsonArgs, { Date: VirtualDate, Math: VirtualMath, console });
      let settled: { ok: true; value: unknown } | { ok: false; error: unknown } | null = null;
      answer.outcome.then(
        (value) => (settled = { ok: true, value }),
        (error) => (settled = { ok: false, error }),
      );
      run.pendingOps++;
      const reply = new Promise((resolve, reject) => {
        const deliver = (s: NonNullable<typeof settled>) => {
          if (run.ended) return;
          if (s.ok) {
            let value: Json;
            try {
              // A code mock may return anything; what JSON cannot hold, or too much, fails the call.
              value = toJsonValue(s.value, 'the value it returned') ?? null;
              deps.guard.checkValue(value, `the result of connectors.${connector}.${method}()`);
            } catch (error) {
              const message = `mock ${connector}.${method} returned something the step cannot receive: ${(error as Error).message}`;
              return deliver({ ok: false, error: error instanceof LimitError ? new LimitError(message) : new Error(message) });
            }
            if (intoPath) {
              try {
                setAt(run.draft as Record<string, unknown>, intoPath, value);
              } catch (error) {
                return deliver({
                  ok: false,
                  error: new Error(`connectors.${connector}.${method}(): the result cannot be written to "${into}": ${(error as Error).message}`),
                });
              }
            }
            deps.emit({ kind: 'connector-result', task: run.task.id, step: run.step, call, ok: true, value, error: null, latencyMs: answer.latencyMs });
            resolve(value === null ? value : jsonCopy(value));
          } else {
            const error = s.error instanceof Error ? s.error : new Error(String(s.error));
            deps.emit({
              kind: 'connector-result',
              task: run.task.id,
              step: run.step,
              call,
              ok: false,
              value: null,
              error: error.message,
              latencyMs: answer.latencyMs,
            });
            reject(error);
          }
        };
        deps.schedule(
          deps.now() + answer.latencyMs,
          run.task,
          () => {
            run.pendingOps--;
            if (settled) deliver(settled);
            else
              answer.outcome.then(
                () => deliver(settled!),
                () => deliver(settled!),
              );
            return run;
          },
          run,
        );
      });
      // A call the step never awaits must not become an unhandled rejection (it would end a Node host).
      reply.catch(() => {});
      return reply;
    },
    setTimer(run, ms, callback, repeat) {
      const id = ++timerIds;
      const arm = () => {
        run.pendingOps++;
        const event = deps.schedule(
          deps.now() + ms,
          run.task,
          () => {
            run.pendingOps--;
            timers.delete(id);
            run.timers?.delete(event);
            if (run.ended) return null;
            if (++run.timerFirings > MAX_TIMER_FIRINGS) {
              const message = `timer limit reached: ${MAX_TIMER_FIRINGS} setTimeout/setInterval callbacks fired in one step run, while the step still awaited something. Clear intervals you start, and await only what will settle`;
              run.settle({ error: new LimitError(message) });
              deps.noteLimit(run.task, message);
              return run;
            }
            if (repeat) arm();
            // A callback that throws (or rejects) fails its step, like a throw in content (§5).
            try {
              const result = callback() as unknown;
              if (result && typeof (result as Promise<unknown>).then === 'function') {
                (result as Promise<unknown>).then(undefined, (error: unknown) => {
                  if (run.ended) return;
                  run.settle({ error });
                  deps.schedule(deps.now(), run.task, () => run, run);
                });
              }
            } catch (error) {
              run.settle({ error });
            }
            return run;
          },
          run,
        );
        timers.set(id, { run, event });
        (run.timers ??= new Set()).add(event);
      };
      arm();
      return id;
    },
    clearTimer(id) {
      const timer = timers.get(id);
      if (!timer) return;
      timer.event.cancelled = true;
      timer.run.pendingOps--;
      timer.run.timers?.delete(timer.event);
      timers.delete(id);
    },
    reserveSubtask(task) {
      if (subtaskCount >= workspace.limits.maxSubtasks) {
        const message = `subtask limit reached (${workspace.limits.maxSubtasks})`;
        deps.noteLimit(task, message);
        throw new LimitError(message);
      }
      subtaskCount++;
    },
    releaseSubtasks(count) {
      // A failed step's subtasks never existed (§4.6, §7), so they give their quota back.
      subtaskCount -= count;
    },
    setExpiry(task, ms) {
      if (task.expireEvent) task.expireEvent.cancelled = true;
      task.expireEvent = deps.schedule(task.createdAt + ms, task, () => {
        deps.expire(task);
        return null;
      });
    },
  };
  return ctx;
}
