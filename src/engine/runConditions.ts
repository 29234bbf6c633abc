// Tasks meeting their steps: creating a task, testing the conditions a change may affect (the
// read index), recording the ready set, and starting the step runDecision.ts picks.
import { createJsonDraft, type InPlace } from './jsonDraft.ts';
import type { StepGlobals, ValidStep } from './loadStep.ts';
import type { ReadIndex } from './readIndex.ts';
import { isReady, nextAction } from './runDecision.ts';
import { sourceError, type RunCore } from './runCore.ts';
import { hasLiveChild, StepRunState, type StepRun, type TaskState } from './runState.ts';
import type { JsonObject, SourceError } from './types.ts';

export interface ConditionDeps {
  index: ReadIndex;
  globalsOf(task: TaskState): StepGlobals;
  stopAll(culprit: TaskState | null, error: SourceError | null): void;
}

export function createRunConditions(core: RunCore, deps: ConditionDeps) {
  const { steps, limits, options, tasks, guard, emit } = core;
  let stepRuns = 0;
  /** The task paused before its step at a breakpoint; resuming starts that step without asking again. */
  let breakSkip: TaskState | null = null;
  // The read index compares old and new values at the paths it keeps by value (task.tested).
  const inPlace: InPlace = { allowedAt: deps.index.inPlaceAt };

  function createTask(name: string, data: JsonObject, parent: TaskState | null, into: string[] | null, waitFor: boolean): TaskState {
    const task: TaskState = {
      id: `t${tasks.length}`,
      name,
      tags: [],
      parent,
      into,
      waitedByParent: waitFor,
      createdAt: core.now,
      data,
      dataBytes: guard.size(data),
      instances: steps.map(() => null),
      globals: null,
      loadingStep: 0,
      conditionErrors: new Map(),
      armed: steps.map(() => true),
      matches: steps.map(() => false),
      ready: new Set(),
      dirty: null,
      tested: null,
      phase: 'queued',
      run: null,
      parkEvent: null,
      expireEvent: null,
      evaluateNow: undefined,
      completeOnExpire: null,
      children: [],
      childScan: 0,
      waitingFor: new Set(),
      deferredResults: [],
      status: 'running',
      result: null,
      error: null,
      ran: [],
    };
    tasks.push(task);
    emit({ kind: 'task-created', task: task.id, name, parent: parent?.id ?? null, data });
    if (task.dataBytes > limits.maxDataBytes) {
      core.endTask(task, {
        status: 'error',
        error: sourceError(`the starting data is too large: ${task.dataBytes} bytes of JSON exceeds maxDataBytes (${limits.maxDataBytes})`),
      });
    } else queueEvaluation(task);
    return task;
  }

  function queueEvaluation(task: TaskState): void {
    task.phase = 'queued';
    core.schedule(core.now, task, (task.evaluateNow ??= () => evaluate(task)));
  }

  function instanceOf(task: TaskState, step: ValidStep) {
    let instance = task.instances[step.index];
    if (!instance) {
      task.loadingStep = step.index;
      instance = step.instantiate(deps.globalsOf(task), task.data);
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
    if (isReady(task.armed[i], task.matches[i])) task.ready.add(i);
    else task.ready.delete(i);
  }

  /** Re-tests the conditions a change may affect and records the ready set (an `evaluated` event). */
  function testConditions(task: TaskState): { ready: number[]; flips: [number, boolean][] } {
    const flips: [number, boolean][] = [];
    for (const i of deps.index.affected(options.fullReevaluation ? null : task.dirty, task.tested, task.data)) {
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

  /** Tests the conditions, then does what nextAction decides. */
  function evaluate(task: TaskState): StepRun | null {
    if (task.phase === 'ended') return null;
    const { ready, flips } = testConditions(task);
    const pause = ready.length > 0 && breakSkip !== task && Boolean(options.breakBefore?.({ task: task.id, ready, flips }));
    if (!pause && breakSkip === task) breakSkip = null;
    const action = nextAction(ready, pause, ready.length === 0 && hasLiveChild(task));
    switch (action.kind) {
      case 'pause':
        // Pause before the step starts; evaluating again on resume picks up any edited data.
        breakSkip = task;
        core.pauseHit = true;
        queueEvaluation(task);
        return null;
      case 'start':
        return startStep(task, action.step);
      case 'idle':
        task.phase = 'idle';
        return null;
      case 'end':
        core.endTask(task, action.end);
        return null;
    }
  }

  function startStep(task: TaskState, i: number): StepRun | null {
    if (stepRuns >= limits.maxSteps) {
      deps.stopAll(task, sourceError(`step limit reached (${limits.maxSteps})`));
      return null;
    }
    stepRuns++;
    const step = steps[i] as ValidStep;
    const { draft, finalize, revert } = createJsonDraft(task.data, inPlace);
    const run = new StepRunState(task, i, task.ran.length + 1, draft, finalize, revert);
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

  return { createTask, queueEvaluation, instanceOf, setReady, testConditions };
}
