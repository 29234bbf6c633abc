// The scheduler: a discrete-event simulation of tasks running steps on a virtual clock.
// Every observable thing it does is a TraceEvent; see docs/semantics.md sections 4-8.
import { createJsonDraft } from './jsonDraft.ts';
import { EventQueue } from './eventQueue.ts';
import { createDataGuard } from './dataGuard.ts';
import { conditionFailureLeaf, loadStep, type LoadedStep, type ValidStep } from './loadStep.ts';
import { readIndexFor } from './readIndex.ts';
import { emptyEffects, type StepRun, type TaskState } from './runState.ts';
import { createTaskGlobals } from './stepGlobals.ts';
import { createRuntimeContext } from './runtimeContext.ts';
import { describeStepError } from './stepErrors.ts';
import { summarizeRun } from './summarizeRun.ts';
import { createRandom, createSeededMath, createVirtualDate } from './virtualGlobals.ts';
import { setAt } from './paths.ts';
import { adoptReassignedData, isEmpty, replaceDeep } from './dataEdits.ts';
import type { Json, JsonObject, NewTraceEvent, Patch, SourceError, TaskStatus, TraceEvent, Workspace } from './types.ts';

export type { Run, RunHost, RunOptions } from './runApi.ts';
import type { Run, RunOptions } from './runApi.ts';

type TaskEnd = { status: TaskStatus; result: Json; error: SourceError | null; step?: number | null };

/** Parses and compiles every step of a workspace; the result can be shared by many runs. */
export function loadSteps(workspace: Workspace): LoadedStep[] {
  return workspace.steps.map((def, i) => loadStep(def, i));
}

/** Loads the workspace's steps and prepares a run of one starting task. Nothing runs until runUntil. */
export function createRun(workspace: Workspace, options: RunOptions): Run {
  const steps = options.steps ?? loadSteps(workspace);
  const index = readIndexFor(steps);
  const limits = workspace.limits;
  const queue = new EventQueue<StepRun | null>();
  const events: TraceEvent[] = [];
  const startMs = Date.parse(workspace.startTime);
  let now = 0;
  let seq = 0;
  let stepRuns = 0;
  let ended = false;
  let pauseFn: ((e: TraceEvent) => boolean) | undefined;
  let pauseHit = false;
  let breakSkip: TaskState | null = null;
  const tasks: TaskState[] = [];
  const VirtualDate = createVirtualDate(() => startMs + now);
  const VirtualMath = createSeededMath(createRandom(options.seed ?? workspace.seed));
  const guard = createDataGuard(limits.maxDataBytes);

  function emit(event: NewTraceEvent): void {
    const full = event as TraceEvent;
    full.seq = seq++;
    full.t = now;
    events.push(full);
    options.onEvent?.(full);
    if (pauseFn?.(full)) pauseHit = true;
  }

  const ctx = createRuntimeContext({
    workspace,
    Date: VirtualDate,
    Math: VirtualMath,
    now: () => now,
    nextSeq: () => seq,
    emit,
    schedule,
    globalsOf: (task) => globalsOf(task),
    expire: (task) => expire(task),
  });

  /** Queues work at a virtual time. `fire` returns the step run it woke, if any, so the loop lets it settle. */
  function schedule(time: number, task: TaskState, fire: () => StepRun | null, owner?: StepRun) {
    return queue.schedule(Math.max(time, now), fire, owner ?? task);
  }

  // ---- tasks ----

  function createTask(name: string, data: JsonObject, parent: TaskState | null, into: string[] | null, waitFor: boolean): TaskState {
    const task: TaskState = {
      id: `t${tasks.length}`, name, tags: [], parent, into, waitedByParent: waitFor, createdAt: now, data,
      dataBytes: guard.measure(data), instances: steps.map(() => null), globals: null, loadingStep: 0, conditionErrors: new Map(),
      armed: steps.map(() => true), matches: steps.map(() => false), ready: new Set(), dirty: null, phase: 'queued',
      run: null, parkEvent: null, expireEvent: null, evaluateNow: undefined, completeOnExpire: null, children: new Set(), waitingFor: new Set(),
      deferredResults: [], status: 'running', result: null, error: null, ran: [],
    };
    tasks.push(task);
    emit({ kind: 'task-created', task: task.id, name, parent: parent?.id ?? null, data });
    queueEvaluation(task);
    return task;
  }

  function queueEvaluation(task: TaskState): void {
    task.phase = 'queued';
    schedule(now, task, (task.evaluateNow ??= () => evaluate(task)));
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
      task.conditionErrors.set(i, (error as Error)?.message ?? String(error));
      return false;
    }
  }

  function setReady(task: TaskState, i: number): void {
    if (task.matches[i] && task.armed[i]) task.ready.add(i);
    else task.ready.delete(i);
  }

  /** Re-tests the conditions a change may affect, records the ready set, and starts the first ready step. */
  function evaluate(task: TaskState): StepRun | null {
    if (task.phase === 'ended') return null;
    const flips: [number, boolean][] = [];
    for (const i of index.affected(task.dirty)) {
      const pass = testStep(task, i);
      if (pass !== task.matches[i]) {
        task.matches[i] = pass;
        flips.push([i, pass]);
        setReady(task, i);
      }
    }
    task.dirty = [];
    const ready = task.ready.size < 2 ? [...task.ready] : [...task.ready].sort((a, b) => a - b);
    emit({ kind: 'evaluated', task: task.id, ready, flips });
    if (ready.length > 0 && breakSkip !== task && options.breakBefore?.({ task: task.id, ready, flips })) {
      // Pause before the step starts; evaluating again on resume picks up any edited data.
      breakSkip = task;
      pauseHit = true;
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
      stopAll(task, { message: `step limit reached (${limits.maxSteps})`, line: null, column: null });
      return null;
    }
    stepRuns++;
    const step = steps[i] as ValidStep;
    const { draft, finalize } = createJsonDraft(task.data);
    const run: StepRun = {
      task, step: i, run: task.ran.length + 1, draft, finalize, effects: emptyEffects(), instance: null,
      pendingOps: 0, timers: null, ended: false, done: null as never, outcome: undefined,
    };
    task.run = run;
    task.phase = 'stepping';
    task.armed[i] = false;
    setReady(task, i);
    task.ran.push(step.name);
    emit({ kind: 'step-started', task: task.id, step: i, run: run.run });
    let started: unknown;
    try {
      options.onSlice?.({ task: task.id, step: i });
      const instance = instanceOf(task, step);
      run.instance = instance;
      instance.setData(draft);
      started = instance.content();
    } catch (error) {
      started = Promise.reject(error);
    }
    run.done = Promise.resolve(started).then(
      () => (run.outcome = null),
      (error: unknown) => (run.outcome = { error }),
    );
    return run;
  }

  function finishRun(run: StepRun, outcome: { error: unknown } | null): void {
    const task = run.task;
    run.ended = true;
    run.timers?.forEach((event) => (event.cancelled = true));
    task.run = null;
    if (outcome) return failRun(run, describeStepError(outcome.error, steps[run.step]));
    let next: JsonObject;
    let patches: Patch[];
    let inverse: Patch[];
    try {
      adoptReassignedData(run);
      [next, patches, inverse] = guard.normalize(task.data, run.finalize());
      task.dataBytes = guard.check(task.dataBytes, next, patches, inverse);
    } catch (error) {
      return failRun(run, { message: (error as Error).message, line: null, column: null });
    }
    task.data = next;
    markDirty(task, patches);
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
      if (request.waitFor) task.waitingFor.add(child);
      emit({ kind: 'subtask-created', task: task.id, child: child.id, name: request.name, into: request.into?.join('.') ?? null, waitFor: request.waitFor });
    }
    applyDeferredResults(task);
    if (effects.complete) return endTask(task, { status: 'done', result: effects.complete.result, error: null });
    if (effects.ignore) return endTask(task, { status: 'ignored', result: null, error: null });
    if (isEmpty(task.data)) return endTask(task, { status: 'done', result: task.data, error: null });
    if (effects.park !== null) return park(task, effects.park);
    if (task.waitingFor.size > 0) {
      task.phase = 'waiting-children';
      return;
    }
    queueEvaluation(task);
  }

  function failRun(run: StepRun, error: SourceError): void {
    run.ended = true;
    run.timers?.forEach((event) => (event.cancelled = true));
    run.task.run = null;
    emit({ kind: 'step-failed', task: run.task.id, step: run.step, run: run.run, error });
    endTask(run.task, { status: 'error', result: null, error, step: run.step });
  }

  function markDirty(task: TaskState, patches: Patch[]): void {
    if (task.dirty === null) return;
    for (const patch of patches) task.dirty.push(patch.path);
  }

  function park(task: TaskState, ms: number): void {
    task.phase = 'parked';
    emit({ kind: 'park', task: task.id, ms, until: now + ms });
    task.parkEvent = schedule(now + ms, task, () => {
      task.parkEvent = null;
      resume(task, 'timer');
      return null;
    });
  }

  function resume(task: TaskState, reason: 'timer' | 'data' | 'children'): void {
    if (task.parkEvent) task.parkEvent.cancelled = true;
    task.parkEvent = null;
    emit({ kind: 'resume', task: task.id, reason });
    queueEvaluation(task);
  }

  // ---- subtask results ----

  function childEnded(child: TaskState): void {
    const parent = child.parent;
    if (!parent || parent.phase === 'ended') return;
    const value: Json =
      child.status === 'error'
        ? { status: 'error', error: child.error?.message ?? 'error' }
        : { status: child.status, result: child.result ?? child.data };
    parent.deferredResults.push({ child, value });
    if (!parent.run) applyDeferredResults(parent);
  }

  /** Writes subtask results into the parent, then wakes the parent if it was waiting. */
  function applyDeferredResults(parent: TaskState): void {
    const pending = parent.deferredResults.splice(0);
    if (pending.length === 0) return;
    for (const { child, value } of pending) {
      let patches: Patch[] = [];
      let inverse: Patch[] = [];
      if (child.into) {
        const { draft, finalize } = createJsonDraft(parent.data);
        try {
          setAt(draft, child.into, value);
          const [next, p, inv] = finalize();
          parent.data = next;
          patches = p;
          inverse = inv;
          markDirty(parent, patches);
        } catch (error) {
          emit({ kind: 'log', task: parent.id, step: null, level: 'error', text: `subtask result not written to "${child.into.join('.')}": ${(error as Error).message}` });
        }
      }
      parent.waitingFor.delete(child);
      emit({ kind: 'subtask-ended', task: parent.id, child: child.id, status: child.status, into: child.into?.join('.') ?? null, patches, inverse });
    }
    if (parent.run) return;
    if (parent.phase === 'parked' && pending.some((p) => p.child.into)) resume(parent, 'data');
    else if (parent.phase === 'waiting-children' && parent.waitingFor.size === 0) resume(parent, 'children');
    else if (parent.phase === 'idle') queueEvaluation(parent);
  }

  // ---- endings ----

  function endTask(task: TaskState, end: TaskEnd): void {
    if (task.phase === 'ended') return;
    task.phase = 'ended';
    task.status = end.status;
    task.result = end.status === 'done' && end.result === null ? task.data : end.result;
    task.error = end.error;
    if (task.parkEvent) task.parkEvent.cancelled = true;
    if (task.expireEvent) task.expireEvent.cancelled = true;
    emit({ kind: 'task-ended', task: task.id, status: end.status, result: task.result, error: end.error, step: end.step ?? null });
    childEnded(task);
  }

  function expire(task: TaskState): void {
    if (task.phase === 'ended') return;
    if (task.run) {
      const run = task.run;
      run.ended = true;
      run.timers?.forEach((event) => (event.cancelled = true));
      task.run = null;
      emit({ kind: 'step-failed', task: task.id, step: run.step, run: run.run, error: { message: 'task expired', line: null, column: null } });
    }
    if (task.completeOnExpire) endTask(task, { status: 'done', result: task.completeOnExpire.result, error: null });
    else endTask(task, { status: 'error', result: null, error: { message: 'task expired', line: null, column: null } });
  }

  /** Ends the whole run early: `culprit` errors, every other live task is left `waiting`. */
  function stopAll(culprit: TaskState | null, error: SourceError | null): void {
    if (culprit && error) endTask(culprit, { status: 'error', result: null, error });
    for (const task of tasks) {
      if (task.run) {
        task.run.ended = true;
        task.run = null;
      }
      endTask(task, { status: 'waiting', result: null, error: null });
    }
    ended = true;
  }

  // ---- the loop ----

  const BLOCKED = Symbol('blocked');
  async function settle(run: StepRun): Promise<void> {
    if (run.ended) return;
    // Most contents settle within a few microtasks; only then is a host macrotask worth its cost.
    for (let i = 0; i < 12 && run.outcome === undefined; i++) await null;
    const outcome =
      run.outcome !== undefined ? run.outcome : await Promise.race([run.done, options.host.yieldMacrotask().then(() => BLOCKED)]);
    if (outcome === BLOCKED || run.ended) return;
    finishRun(run, outcome as { error: unknown } | null);
  }

  async function runUntil(pause?: (event: TraceEvent) => boolean): Promise<boolean> {
    pauseFn = pause;
    pauseHit = false;
    if (tasks.length === 0) startRoot();
    let sinceYield = 0;
    while (!ended && !pauseHit) {
      const next = queue.pop();
      if (!next) {
        const hung = tasks.filter((t) => t.run && !t.run.ended);
        if (hung.length === 0) {
          ended = true;
          break;
        }
        // A step awaiting something outside the virtual clock (a blocked fetch, say) gets a
        // while to settle before it is called stuck.
        for (let i = 0; i < 500 && queue.size === 0 && hung.some((t) => t.run?.outcome === undefined); i++) {
          await options.host.yieldMacrotask();
        }
        for (const task of hung) {
          const run = task.run;
          if (!run || run.ended) continue;
          if (run.outcome !== undefined) finishRun(run, run.outcome);
          else if (queue.size === 0) {
            failRun(run, { message: 'the step awaits a promise that never resolves on the virtual clock (only connectors, task.park, setTimeout and connectors.utils.sleep advance it)', line: null, column: null });
          }
        }
        continue;
      }
      now = next.time;
      options.onSlice?.(sliceOf(next.owner as StepRun | TaskState));
      const wokenRun = next.fire();
      if (wokenRun) {
        options.onSlice?.({ task: wokenRun.task.id, step: wokenRun.step });
        // Fast path: a content that settled within one microtask needs no settle() frame.
        await null;
        if (wokenRun.outcome !== undefined && !wokenRun.ended) finishRun(wokenRun, wokenRun.outcome);
        else await settle(wokenRun);
      }
      options.onSlice?.(null);
      if (++sinceYield >= 1000) {
        sinceYield = 0;
        await options.host.yieldMacrotask();
      }
    }
    pauseFn = undefined;
    return ended;
  }

  function sliceOf(owner: StepRun | TaskState | undefined) {
    if (!owner) return null;
    if ('draft' in owner) return { task: owner.task.id, step: owner.step };
    return { task: owner.id, step: owner.run?.step ?? null };
  }

  function startRoot(): void {
    const def = options.taskName ? workspace.tasks.find((t) => t.name === options.taskName) : workspace.tasks[0];
    if (options.taskName && !def) throw new Error(`the workspace has no task named "${options.taskName}"`);
    // A JSON round trip gives plain objects that the draft library accepts, whatever the caller passed.
    const data = JSON.parse(JSON.stringify(options.data ?? def?.data ?? {})) as JsonObject;
    createTask(def?.name ?? 'Task', data, null, null, false);
  }

  const run: Run = {
    steps,
    events,
    runUntil,
    async runToEnd() {
      await runUntil();
      return run.result();
    },
    stop() {
      if (!ended) stopAll(null, null);
    },
    get ended() {
      return ended;
    },
    result: () =>
      summarizeRun({
        stepNames: steps.map((s) => s.name),
        invalid: steps.flatMap((s) => (s.valid ? [] : [{ step: s.name, index: s.index, ...s.error }])),
        events,
      }),
    dataOf: (taskId) => tasks.find((t) => t.id === taskId)?.data,
    editData(taskId, next) {
      const task = tasks.find((t) => t.id === taskId);
      if (!task || task.phase === 'ended') throw new Error(`task ${taskId} has ended; its data can no longer change`);
      if (task.run) throw new Error(`task ${taskId} is in the middle of a step; pause between steps to edit its data`);
      const { draft, finalize } = createJsonDraft(task.data);
      replaceDeep(draft, task.data, JSON.parse(JSON.stringify(next)) as JsonObject);
      const [data, patches, inverse] = finalize();
      if (patches.length === 0) return;
      task.data = data;
      task.dataBytes = guard.measure(data);
      markDirty(task, patches);
      emit({ kind: 'data-edited', task: task.id, patches, inverse });
      if (task.phase === 'parked') resume(task, 'data');
      else if (task.phase === 'idle') queueEvaluation(task);
    },
    explainStep(taskId, i) {
      if (tasks.length === 0) startRoot();
      const task = tasks.find((t) => t.id === taskId);
      const step = steps[i];
      if (!task || !step?.valid) return { match: false, leaves: [] };
      if (step.staticCondition) return { match: step.staticCondition.test(task.data), leaves: step.staticCondition.explain(task.data) };
      try {
        const instance = instanceOf(task, step);
        instance.setData(task.data);
        const compiled = step.compileDynamic(instance.conditionValue());
        return { match: compiled.test(task.data), leaves: compiled.explain(task.data) };
      } catch (error) {
        return { match: false, leaves: [conditionFailureLeaf(error)] };
      }
    },
  };
  return run;
}
