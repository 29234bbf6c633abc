// The scheduler: a discrete-event simulation of tasks running steps on a virtual clock.
// Every observable thing it does is a TraceEvent; see docs/semantics.md sections 4-8.
// The loop lives in runLoop.ts, subtask results in subtaskResults.ts.
import { createJsonDraft } from './jsonDraft.ts';
import { EventQueue } from './eventQueue.ts';
import { createDataGuard } from './dataGuard.ts';
import { LIMIT_NOTE_PREFIX, LimitError } from './limits.ts';
import { loadStep, type LoadedStep, type ValidStep } from './loadStep.ts';
import { readIndexFor } from './readIndex.ts';
import { emptyEffects, type StepRun, type TaskState } from './runState.ts';
import { sourceError, type RunCore, type TaskEnd } from './runCore.ts';
import { createRunLoop } from './runLoop.ts';
import { createTaskGlobals } from './stepGlobals.ts';
import { createRuntimeContext } from './runtimeContext.ts';
import { describeStepError } from './stepErrors.ts';
import { createSubtaskResults } from './subtaskResults.ts';
import { createRunSurface } from './runSurface.ts';
import { createRandom, createSeededMath, createVirtualDate } from './virtualGlobals.ts';
import { adoptReassignedData, isEmpty } from './dataEdits.ts';
import { toJsonValue } from './jsonValue.ts';
import type { JsonObject, Patch, SourceError, TraceEvent, Workspace } from './types.ts';

export type { Run, RunHost, RunOptions } from './runApi.ts';
import type { Run, RunOptions } from './runApi.ts';

/** Parses and compiles every step of a workspace; the result can be shared by many runs. */
export function loadSteps(workspace: Workspace): LoadedStep[] {
  return workspace.steps.map((def, i) => loadStep(def, i));
}

/** Loads the workspace's steps and prepares a run of one starting task. Nothing runs until runUntil. */
export function createRun(workspace: Workspace, options: RunOptions): Run {
  const steps = options.steps ?? loadSteps(workspace);
  const index = readIndexFor(steps);
  const limits = workspace.limits;
  const startMs = Date.parse(workspace.startTime);
  let seq = 0;
  let stepRuns = 0;
  let breakSkip: TaskState | null = null;
  const notedLimits = new Set<string>();

  const core: RunCore = {
    steps, limits, options, queue: new EventQueue<StepRun | null>(), tasks: [], events: [], guard: createDataGuard(limits.maxDataBytes),
    now: 0, ended: false, pausing: undefined, pauseHit: false,
    emit(event) {
      const full = event as TraceEvent;
      full.seq = seq++;
      full.t = core.now;
      core.events.push(full);
      options.onEvent?.(full);
      if (core.pausing?.(full)) core.pauseHit = true;
    },
    /** Queues work at a virtual time. `fire` returns the step run it woke, if any, so the loop lets it settle. */
    schedule: (time, task, fire, owner) => core.queue.schedule(Math.max(time, core.now), fire, owner ?? task),
    queueEvaluation,
    testConditions: (task) => void testConditions(task),
    resume,
    markDirty(task, patches) {
      if (task.dirty === null) return;
      for (const patch of patches) task.dirty.push(patch.path);
    },
    finishRun,
    failRun,
    endTask,
    noteLimit(task, message) {
      const root = core.tasks[0];
      const key = `${task.id}\u0000${message}`;
      if (!root || task === root || notedLimits.has(key)) return;
      notedLimits.add(key);
      core.emit({ kind: 'log', task: root.id, step: null, level: 'warn', text: `${LIMIT_NOTE_PREFIX}${task.id} ("${task.name}"): ${message}` });
    },
  };
  const { emit, tasks, guard } = core;
  const results = createSubtaskResults(core);

  const ctx = createRuntimeContext({
    workspace,
    Date: createVirtualDate(() => startMs + core.now),
    Math: createSeededMath(createRandom(options.seed ?? workspace.seed)),
    now: () => core.now,
    nextSeq: () => seq,
    emit,
    schedule: core.schedule,
    globalsOf: (task) => globalsOf(task),
    expire: (task) => expire(task),
    guard,
    noteLimit: core.noteLimit,
  });

  // ---- tasks ----

  function createTask(name: string, data: JsonObject, parent: TaskState | null, into: string[] | null, waitFor: boolean): TaskState {
    const task: TaskState = {
      id: `t${tasks.length}`, name, tags: [], parent, into, waitedByParent: waitFor, createdAt: core.now, data,
      dataBytes: guard.size(data), instances: steps.map(() => null), globals: null, loadingStep: 0, conditionErrors: new Map(),
      armed: steps.map(() => true), matches: steps.map(() => false), ready: new Set(), dirty: null, tested: null, phase: 'queued',
      run: null, parkEvent: null, expireEvent: null, evaluateNow: undefined, completeOnExpire: null, children: new Set(), waitingFor: new Set(),
      deferredResults: [], status: 'running', result: null, error: null, ran: [],
    };
    tasks.push(task);
    emit({ kind: 'task-created', task: task.id, name, parent: parent?.id ?? null, data });
    if (task.dataBytes > limits.maxDataBytes) {
      endTask(task, { status: 'error', error: sourceError(`the starting data is too large: ${task.dataBytes} bytes of JSON exceeds maxDataBytes (${limits.maxDataBytes})`) });
    } else queueEvaluation(task);
    return task;
  }

  function queueEvaluation(task: TaskState): void {
    task.phase = 'queued';
    core.schedule(core.now, task, (task.evaluateNow ??= () => evaluate(task)));
  }

  function globalsOf(task: TaskState) {
    return (task.globals ??= createTaskGlobals(ctx, task));
  }

  function instanceOf(task: TaskState, step: ValidStep) {
    let instance = task.instances[step.index];
    if (!instance) {
      task.loadingStep = step.index;
      instance = step.instantiate(globalsOf(task), task.data);
      task.instances[step.index] = instance;
    }
    return instance;
  }

  function testStep(task: TaskState, i: number): boolean {
    const step = steps[i] as ValidStep;
    if (step.staticCondition) return step.staticCondition.test(task.data);
    try {
      const instance = instanceOf(task, step);
      instance.setData(task.data);
      const pass = step.compileDynamic(instance.conditionValue()).test(task.data);
      task.conditionErrors.delete(i);
      return pass;
    } catch (error) {
      // A throwing condition does not match; the trace says why, once until the message changes.
      const message = (error as Error)?.message ?? String(error);
      if (task.conditionErrors.get(i) !== message) emit({ kind: 'condition-error', task: task.id, step: i, message });
      task.conditionErrors.set(i, message);
      return false;
    }
  }

  function setReady(task: TaskState, i: number): void {
    if (task.matches[i] && task.armed[i]) task.ready.add(i);
    else task.ready.delete(i);
  }

  /** Re-tests the conditions a change may affect and records the ready set (an `evaluated` event). */
  function testConditions(task: TaskState): { ready: number[]; flips: [number, boolean][] } {
    const flips: [number, boolean][] = [];
    for (const i of index.affected(options.fullReevaluation ? null : task.dirty, task.tested, task.data)) {
      const pass = testStep(task, i);
      if (pass !== task.matches[i]) {
        task.matches[i] = pass;
        flips.push([i, pass]);
        setReady(task, i);
      }
    }
    task.dirty = [];
    task.tested = task.data;
    const ready = task.ready.size < 2 ? [...task.ready] : [...task.ready].sort((a, b) => a - b);
    emit({ kind: 'evaluated', task: task.id, ready, flips });
    return { ready, flips };
  }

  /** Tests the conditions, then starts the first ready step, pauses at a breakpoint, or ends the task. */
  function evaluate(task: TaskState): StepRun | null {
    if (task.phase === 'ended') return null;
    const { ready, flips } = testConditions(task);
    if (ready.length > 0 && breakSkip !== task && options.breakBefore?.({ task: task.id, ready, flips })) {
      // Pause before the step starts; evaluating again on resume picks up any edited data.
      breakSkip = task;
      core.pauseHit = true;
      queueEvaluation(task);
      return null;
    }
    if (breakSkip === task) breakSkip = null;
    if (ready.length > 0) return startStep(task, ready[0]);
    if ([...task.children].some((child) => child.phase !== 'ended')) {
      task.phase = 'idle';
      return null;
    }
    endTask(task, { status: 'incomplete', result: null, error: null });
    return null;
  }

  function startStep(task: TaskState, i: number): StepRun | null {
    if (stepRuns >= limits.maxSteps) {
      stopAll(task, sourceError(`step limit reached (${limits.maxSteps})`));
      return null;
    }
    stepRuns++;
    const step = steps[i] as ValidStep;
    const { draft, finalize } = createJsonDraft(task.data);
    let resolveDone!: (outcome: { error: unknown } | null) => void;
    const run: StepRun = {
      task, step: i, run: task.ran.length + 1, draft, finalize, effects: emptyEffects(), instance: null,
      pendingOps: 0, timers: null, timerFirings: 0, cpuMs: 0, ended: false, outcome: undefined,
      done: new Promise((resolve) => (resolveDone = resolve)),
      settle(outcome) {
        if (run.outcome !== undefined) return;
        run.outcome = outcome;
        resolveDone(outcome);
      },
    };
    task.run = run;
    task.phase = 'stepping';
    task.armed[i] = false;
    setReady(task, i);
    task.ran.push(step.name);
    emit({ kind: 'step-started', task: task.id, step: i, run: run.run });
    let started: unknown;
    try {
      const instance = instanceOf(task, step);
      run.instance = instance;
      instance.setData(draft);
      started = instance.content();
    } catch (error) {
      started = Promise.reject(error);
    }
    Promise.resolve(started).then(
      () => run.settle(null),
      (error: unknown) => run.settle({ error }),
    );
    return run;
  }

  /** Ends a run's timers; a timer still pending when its step ends is cancelled, with a warning. */
  function cancelTimers(run: StepRun): void {
    const pending = run.timers?.size ?? 0;
    run.timers?.forEach((event) => (event.cancelled = true));
    run.timers = null;
    if (pending === 0) return;
    const what = pending === 1 ? '1 timer was' : `${pending} timers were`;
    emit({ kind: 'log', task: run.task.id, step: run.step, level: 'warn', text: `${what} still pending when the step ended and ${pending === 1 ? 'was' : 'were'} cancelled (setTimeout/setInterval callbacks only run while their step runs)` });
  }

  function finishRun(run: StepRun, outcome: { error: unknown } | null): void {
    const task = run.task;
    if (outcome) return failRun(run, describeStepError(outcome.error, steps[run.step]));
    let next: JsonObject;
    let patches: Patch[];
    let inverse: Patch[];
    try {
      adoptReassignedData(run);
      [next, patches, inverse, task.dataBytes] = guard.commit(task.data, run.finalize(), 'after this step');
    } catch (error) {
      const message = error instanceof LimitError ? `${error.message}; the step's changes were not applied` : (error as Error).message;
      failRun(run, sourceError(message));
      if (error instanceof LimitError) core.noteLimit(task, message);
      return;
    }
    run.ended = true;
    cancelTimers(run);
    task.run = null;
    task.data = next;
    core.markDirty(task, patches);
    const { effects } = run;
    emit({ kind: 'step-finished', task: task.id, step: run.step, run: run.run, patches, inverse, redo: effects.redo });
    if (effects.redo) {
      task.armed[run.step] = true;
      setReady(task, run.step);
    }
    if (effects.name !== null) task.name = effects.name;
    if (effects.tags !== null) task.tags = effects.tags;
    for (const request of effects.subtasks) {
      const child = createTask(request.name, request.data, task, request.into, request.waitFor);
      task.children.add(child);
      if (request.waitFor && child.phase !== 'ended') task.waitingFor.add(child);
      emit({ kind: 'subtask-created', task: task.id, child: child.id, name: request.name, into: request.into?.join('.') ?? null, waitFor: request.waitFor });
    }
    results.applyDeferredResults(task);
    if (task.phase === 'ended') return;
    if (effects.complete) return endTask(task, { status: 'done', result: effects.complete.result, error: null });
    if (effects.ignore) return endTask(task, { status: 'ignored', result: null, error: null });
    if (isEmpty(task.data)) return endTask(task, { status: 'done', error: null });
    if (effects.park !== null) return park(task, effects.park);
    if (task.waitingFor.size > 0) {
      task.phase = 'waiting-children';
      return;
    }
    queueEvaluation(task);
  }

  /** Ends a run without applying anything it did (§4.6): data, subtasks, timers all vanish. */
  function abandonRun(run: StepRun): void {
    run.ended = true;
    run.settle(null);
    cancelTimers(run);
    ctx.releaseSubtasks(run.effects.subtasks.length);
    run.task.run = null;
  }

  function failRun(run: StepRun, error: SourceError): void {
    abandonRun(run);
    emit({ kind: 'step-failed', task: run.task.id, step: run.step, run: run.run, error });
    endTask(run.task, { status: 'error', result: null, error, step: run.step });
  }

  function park(task: TaskState, ms: number): void {
    task.phase = 'parked';
    emit({ kind: 'park', task: task.id, ms, until: core.now + ms });
    task.parkEvent = core.schedule(core.now + ms, task, () => {
      task.parkEvent = null;
      resume(task, 'timer');
      return null;
    });
  }

  /** Wakes a parked or waiting task. A task still waiting for children (waitFor) runs no step yet. */
  function resume(task: TaskState, reason: 'timer' | 'data' | 'children'): void {
    if (task.parkEvent) task.parkEvent.cancelled = true;
    task.parkEvent = null;
    emit({ kind: 'resume', task: task.id, reason });
    if (task.waitingFor.size > 0) task.phase = 'waiting-children';
    else queueEvaluation(task);
  }

  // ---- endings ----

  function endTask(task: TaskState, end: TaskEnd): void {
    if (task.phase === 'ended') return;
    task.phase = 'ended';
    task.status = end.status;
    // Only complete() with no argument (or the empty-data rule) gives the final data (§4.7).
    task.result = end.status === 'done' && end.result === undefined ? task.data : (end.result ?? null);
    task.error = end.error;
    if (task.parkEvent) task.parkEvent.cancelled = true;
    if (task.expireEvent) task.expireEvent.cancelled = true;
    if (task.parent === null) ctx.reportDropped(task);
    emit({ kind: 'task-ended', task: task.id, status: end.status, result: task.result, error: end.error, step: end.step ?? null });
    results.childEnded(task);
  }

  function expire(task: TaskState): void {
    if (task.phase === 'ended') return;
    const error = sourceError('task expired');
    if (task.run) {
      const run = task.run;
      abandonRun(run);
      emit({ kind: 'step-failed', task: task.id, step: run.step, run: run.run, error });
    }
    if (task.completeOnExpire) endTask(task, { status: 'done', result: task.completeOnExpire.result, error: null });
    else endTask(task, { status: 'error', result: null, error });
  }

  /** Ends the whole run early (maxSteps): `culprit` errors, every other live task is left `waiting`. */
  function stopAll(culprit: TaskState | null, error: SourceError | null): void {
    if (culprit && error) {
      endTask(culprit, { status: 'error', result: null, error });
      core.noteLimit(culprit, `${error.message}; the run stopped`);
    }
    for (const task of tasks) {
      if (task.run) abandonRun(task.run);
      endTask(task, { status: 'waiting', result: null, error: null });
    }
    core.ended = true;
  }

  function startRoot(): void {
    const def = options.taskName ? workspace.tasks.find((t) => t.name === options.taskName) : workspace.tasks[0];
    if (options.taskName && !def) throw new Error(`the workspace has no task named "${options.taskName}"`);
    const data = plainCopy(options.data ?? def?.data ?? {});
    createTask(def?.name ?? 'Task', data, null, null, false);
  }

  const { runUntil } = createRunLoop(core, startRoot);

  return createRunSurface(core, { runUntil, startRoot, stop: () => stopAll(null, null), instanceOf });
}

/**
 * A JSON copy gives plain objects that the draft accepts, whatever the caller passed. toJsonValue
 * makes the same copy 4x faster than a JSON round trip; what it refuses (a function, a Map) the
 * round trip still copies as before.
 */
function plainCopy(value: JsonObject): JsonObject {
  try {
    return toJsonValue(value, ['data']) as JsonObject;
  } catch {
    return JSON.parse(JSON.stringify(value)) as JsonObject;
  }
}
