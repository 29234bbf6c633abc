// The scheduler: a discrete-event simulation of tasks running steps on a virtual clock.
// Every observable thing it does is a TraceEvent; see docs/semantics.md sections 4-8.
// This file only wires the parts together around the run's state (runCore.ts, runState.ts):
// the decisions (runDecision.ts), conditions and step starts (runConditions.ts), the effects
// applier with its single abortRun (runEffects.ts), the loop (runLoop.ts) and subtask results.
import { EventQueue } from './eventQueue.ts';
import { createDataGuard } from './dataGuard.ts';
import { toJsonValue } from './jsonValue.ts';
import { LIMIT_NOTE_PREFIX } from './limits.ts';
import { loadStep, type LoadedStep } from './loadStep.ts';
import { readIndexFor } from './readIndex.ts';
import type { StepRun, TaskState } from './runState.ts';
import type { RunCore } from './runCore.ts';
import { createRunConditions } from './runConditions.ts';
import { createRunEffects } from './runEffects.ts';
import { createRunLoop } from './runLoop.ts';
import { createTaskGlobals } from './stepGlobals.ts';
import { createRuntimeContext } from './runtimeContext.ts';
import { createSubtaskResults } from './subtaskResults.ts';
import { createRunSurface } from './runSurface.ts';
import { createRandom, createSeededMath, createVirtualDate } from './virtualGlobals.ts';
import type { JsonObject, TraceEvent, Workspace } from './types.ts';

export type { Run, RunHost, RunOptions } from './runApi.ts';
import type { Run, RunOptions } from './runApi.ts';

/** Parses and compiles every step of a workspace; the result can be shared by many runs. */
export function loadSteps(workspace: Workspace): LoadedStep[] {
  return workspace.steps.map((def, i) => loadStep(def, i));
}

const unwired = (): never => {
  throw new Error('the run is not wired yet');
};

/** Loads the workspace's steps and prepares a run of one starting task. Nothing runs until runUntil. */
export function createRun(workspace: Workspace, options: RunOptions): Run {
  const steps = options.steps ?? loadSteps(workspace);
  const limits = workspace.limits;
  const startMs = Date.parse(workspace.startTime);
  let seq = 0;
  const notedLimits = new Set<string>();

  // The run's state, and the operations its parts call on each other (filled in below).
  const core: RunCore = {
    steps,
    limits,
    options,
    queue: new EventQueue<StepRun | null>(),
    tasks: [],
    events: [],
    guard: createDataGuard(limits.maxDataBytes),
    now: Math.max(0, options.startAt ?? 0),
    ended: false,
    pausing: undefined,
    pauseHit: false,
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
    markDirty(task, patches) {
      if (task.dirty === null) return;
      for (const patch of patches) task.dirty.push(patch.path);
    },
    noteLimit(task, message) {
      const root = core.tasks[0];
      const key = `${task.id}\u0000${message}`;
      if (!root || task === root || notedLimits.has(key)) return;
      notedLimits.add(key);
      core.emit({ kind: 'log', task: root.id, step: null, level: 'warn', text: `${LIMIT_NOTE_PREFIX}${task.id} ("${task.name}"): ${message}` });
    },
    queueEvaluation: unwired,
    testConditions: unwired,
    resume: unwired,
    finishRun: unwired,
    failRun: unwired,
    endTask: unwired,
  };

  const globalsOf = (task: TaskState) => (task.globals ??= createTaskGlobals(ctx, task));
  const ctx = createRuntimeContext({
    workspace,
    Date: createVirtualDate(() => startMs + core.now),
    Math: createSeededMath(createRandom(options.seed ?? workspace.seed)),
    now: () => core.now,
    nextSeq: () => seq,
    emit: core.emit,
    schedule: core.schedule,
    globalsOf,
    expire: (task) => effects.expire(task),
    guard: core.guard,
    noteLimit: core.noteLimit,
  });
  const conditions = createRunConditions(core, { index: readIndexFor(steps), globalsOf, stopAll: (culprit, error) => effects.stopAll(culprit, error) });
  const effects = createRunEffects(core, {
    ctx,
    results: createSubtaskResults(core),
    createTask: conditions.createTask,
    setReady: conditions.setReady,
  });
  Object.assign(core, {
    queueEvaluation: conditions.queueEvaluation,
    testConditions: (task: TaskState) => void conditions.testConditions(task),
    resume: effects.resume,
    finishRun: effects.finishRun,
    failRun: effects.failRun,
    endTask: effects.endTask,
  } satisfies Partial<RunCore>);

  function startRoot(): void {
    const { name, data } = rootTask(workspace, options.taskName, options.data);
    conditions.createTask(name, data, null, null, false);
  }

  const { runUntil } = createRunLoop(core, startRoot);
  return createRunSurface(core, { runUntil, startRoot, stop: () => effects.stopAll(null, null), instanceOf: conditions.instanceOf });
}

/**
 * The task a run starts with, and its data as the root's `task-created` event carries it: `data`
 * if given, else the named (or first) task's. The page rebuilds that event from the same call.
 */
export function rootTask(workspace: Workspace, taskName: string | undefined, data: JsonObject | undefined): { name: string; data: JsonObject } {
  const def = taskName ? workspace.tasks.find((t) => t.name === taskName) : workspace.tasks[0];
  if (taskName && !def) throw new Error(`the workspace has no task named "${taskName}"`);
  return { name: def?.name ?? 'Task', data: plainCopy(data ?? def?.data ?? {}) };
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
