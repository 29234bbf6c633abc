// The runtime API's side inside the scheduler: logs, visualize, connector calls on the virtual
// clock, step timers, subtask accounting and task expiry. createRun owns the loop; this owns
// what a step's calls turn into.
import { createMockBook } from './connectorMocks.ts';
import { formatLogArgs, jsonReplacer } from './describeValue.ts';
import type { QueuedEvent } from './eventQueue.ts';
import type { StepGlobals } from './loadStep.ts';
import { setAt } from './paths.ts';
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
}

export function createRuntimeContext(deps: RuntimeDeps): RuntimeContext {
  const { workspace, Date: VirtualDate, Math: VirtualMath } = deps;
  const mocks = createMockBook(workspace.connectors);
  const timers = new Map<number, { run: StepRun; event: QueuedEvent<StepRun | null> }>();
  let timerIds = 0;
  let subtaskCount = 0;
const ctx: RuntimeContext = {
  Date: VirtualDate,
  Math: VirtualMath,
  config: workspace.config,
  log(task, step, level, args) {
    deps.emit({ kind: 'log', task: task.id, step, level, text: formatLogArgs(args) });
  },
  visualize(run, spec) {
    const s = (spec ?? {}) as { type?: unknown; name?: unknown; data?: unknown };
    const data = JSON.parse(JSON.stringify(s.data ?? null, jsonReplacer) ?? 'null') as Json;
    deps.emit({ kind: 'visualize', task: run.task.id, step: run.step, type: String(s.type ?? 'data'), name: String(s.name ?? ''), data });
  },
  callConnector(run, connector, method, args) {
    const call = deps.nextSeq();
    const jsonArgs = JSON.parse(JSON.stringify(args ?? null, jsonReplacer) ?? 'null') as Json;
    deps.emit({ kind: 'connector-call', task: run.task.id, step: run.step, call, connector, method, args: jsonArgs });
    const console = deps.globalsOf(run.task).console;
    const answer = mocks.answer(connector, method, jsonArgs, { Date: VirtualDate, Math: VirtualMath, console });
    let settled: { ok: true; value: unknown } | { ok: false; error: unknown } | null = null;
    answer.outcome.then((value) => (settled = { ok: true, value }), (error) => (settled = { ok: false, error }));
    run.pendingOps++;
    const into = (args as { into?: unknown } | null)?.into;
    return new Promise((resolve, reject) => {
      const deliver = (s: NonNullable<typeof settled>) => {
        if (run.ended) return;
        if (s.ok) {
          const value = JSON.parse(JSON.stringify(s.value ?? null, jsonReplacer) ?? 'null') as Json;
          deps.emit({ kind: 'connector-result', task: run.task.id, step: run.step, call, ok: true, value, error: null, latencyMs: answer.latencyMs });
          if (typeof into === 'string' && into) setAt(run.draft as Record<string, unknown>, into.split('.'), value);
          resolve(value === null ? value : JSON.parse(JSON.stringify(value)));
        } else {
          const error = s.error instanceof Error ? s.error : new Error(String(s.error));
          deps.emit({ kind: 'connector-result', task: run.task.id, step: run.step, call, ok: false, value: null, error: error.message, latencyMs: answer.latencyMs });
          reject(error);
        }
      };
      deps.schedule(deps.now() + answer.latencyMs, run.task, () => {
        run.pendingOps--;
        if (settled) deliver(settled);
        else answer.outcome.then(() => deliver(settled!), () => deliver(settled!));
        return run;
      }, run);
    });
  },
  setTimer(run, ms, callback, repeat) {
    const id = ++timerIds;
    const arm = () => {
      run.pendingOps++;
      const event = deps.schedule(deps.now() + ms, run.task, () => {
        run.pendingOps--;
        timers.delete(id);
        if (run.ended) return null;
        if (repeat) arm();
        callback();
        return run;
      }, run);
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
    timers.delete(id);
  },
  reserveSubtask() {
    if (subtaskCount >= workspace.limits.maxSubtasks) throw new Error(`subtask limit reached (${workspace.limits.maxSubtasks})`);
    subtaskCount++;
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
