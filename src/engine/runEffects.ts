// The effects applier: carries out what a step run or the clock decided (runDecision.ts) on the
// run's state. A step that finished has its changes applied; every way a step run can be cut
// short (it failed, its task expired, the run stopped) goes through the one abortRun.
import { adoptReassignedData, isEmpty } from './dataEdits.ts';
import { LimitError } from './limits.ts';
import { afterStep } from './runDecision.ts';
import { sourceError, type RunCore, type TaskEnd } from './runCore.ts';
import type { StepRun, TaskState } from './runState.ts';
import type { RuntimeContext } from './stepGlobals.ts';
import { describeStepError } from './stepErrors.ts';
import type { JsonObject, Patch, SourceError } from './types.ts';

export interface EffectDeps {
  ctx: RuntimeContext;
  results: { childEnded(task: TaskState): void; applyDeferredResults(task: TaskState): void };
  createTask(name: string, data: JsonObject, parent: TaskState | null, into: string[] | null, waitFor: boolean): TaskState;
  setReady(task: TaskState, i: number): void;
}

export function createRunEffects(core: RunCore, deps: EffectDeps) {
  const { ctx, results } = deps;
  const emit = core.emit;

  /** Ends a run's timers; a timer still pending when its step ends is cancelled, with a warning. */
  function cancelTimers(run: StepRun): void {
    const pending = run.timers?.size ?? 0;
    run.timers?.forEach((event) => (event.cancelled = true));
    run.timers = null;
    if (pending === 0) return;
    const what = pending === 1 ? '1 timer was' : `${pending} timers were`;
    emit({
      kind: 'log',
      task: run.task.id,
      step: run.step,
      level: 'warn',
      text: `${what} still pending when the step ended and ${pending === 1 ? 'was' : 'were'} cancelled (setTimeout/setInterval callbacks only run while their step runs)`,
    });
  }

  /** Ends a run's life: no more code of it runs, and its timers are cancelled. */
  function closeRun(run: StepRun): void {
    run.ended = true;
    run.settle(null);
    cancelTimers(run);
    run.task.run = null;
  }

  /**
   * The one way a step run is cut short (§4.6): nothing it did applies (data, subtasks, timers all
   * vanish), and with an `error` the trace says it failed. The task's ending is the caller's.
   */
  function abortRun(run: StepRun, error: SourceError | null): void {
    if (run.ended) return;
    closeRun(run);
    run.revert();
    ctx.releaseSubtasks(run.effects.subtasks.length);
    if (error) emit({ kind: 'step-failed', task: run.task.id, step: run.step, run: run.run, error });
  }

  function failRun(run: StepRun, error: SourceError): void {
    abortRun(run, error);
    endTask(run.task, { status: 'error', result: null, error, step: run.step });
  }

  /** Applies a settled step run: its changes if it succeeded (atomically), its failure otherwise. */
  function finishRun(run: StepRun, outcome: { error: unknown } | null): void {
    const task = run.task;
    if (outcome) return failRun(run, describeStepError(outcome.error, core.steps[run.step]));
    let next: JsonObject;
    let patches: Patch[];
    let inverse: Patch[];
    try {
      adoptReassignedData(run);
      [next, patches, inverse, task.dataBytes] = core.guard.commit(task.data, run.finalize(), 'after this step');
    } catch (error) {
      const message = error instanceof LimitError ? `${error.message}; the step's changes were not applied` : (error as Error).message;
      failRun(run, sourceError(message));
      if (error instanceof LimitError) core.noteLimit(task, message);
      return;
    }
    closeRun(run);
    task.data = next;
    core.markDirty(task, patches);
    const { effects } = run;
    emit({ kind: 'step-finished', task: task.id, step: run.step, run: run.run, patches, inverse, redo: effects.redo });
    if (effects.redo) {
      task.armed[run.step] = true;
      deps.setReady(task, run.step);
    }
    if (effects.name !== null) task.name = effects.name;
    if (effects.tags !== null) task.tags = effects.tags;
    for (const request of effects.subtasks) {
      const child = deps.createTask(request.name, request.data, task, request.into, request.waitFor);
      task.children.push(child);
      if (request.waitFor && child.phase !== 'ended') task.waitingFor.add(child);
      emit({ kind: 'subtask-created', task: task.id, child: child.id, name: request.name, into: request.into?.join('.') ?? null, waitFor: request.waitFor });
    }
    results.applyDeferredResults(task);
    if (task.phase === 'ended') return;
    const then = afterStep(effects, isEmpty(task.data), task.waitingFor.size > 0);
    if (then.kind === 'end') endTask(task, then.end);
    else if (then.kind === 'park') park(task, then.ms);
    else if (then.kind === 'wait-children') task.phase = 'waiting-children';
    else core.queueEvaluation(task);
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
    else core.queueEvaluation(task);
  }

  function endTask(task: TaskState, end: TaskEnd): void {
    if (task.phase === 'ended') return;
    // A task never ends under a live step run: its timers would outlive it.
    if (task.run) abortRun(task.run, null);
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
    if (task.run) abortRun(task.run, error);
    if (task.completeOnExpire) endTask(task, { status: 'done', result: task.completeOnExpire.result, error: null });
    else endTask(task, { status: 'error', result: null, error });
  }

  /** Ends the whole run early (maxSteps, or stop): `culprit` errors, every other live task is left `waiting`. */
  function stopAll(culprit: TaskState | null, error: SourceError | null): void {
    if (culprit && error) {
      endTask(culprit, { status: 'error', result: null, error });
      core.noteLimit(culprit, `${error.message}; the run stopped`);
    }
    for (const task of core.tasks) endTask(task, { status: 'waiting', result: null, error: null });
    core.ended = true;
  }

  return { finishRun, failRun, abortRun, park, resume, endTask, expire, stopAll };
}
