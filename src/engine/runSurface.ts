// What a host holds: the Run built on a run's core (see createRun). Reading results, editing
// data while paused and explaining conditions all happen here, outside the scheduler's loop.
import { conditionFailureLeaf, type StepInstance, type ValidStep } from './loadStep.ts';
import { createJsonDraft } from './jsonDraft.ts';
import { jsonCopy } from './jsonValue.ts';
import { replaceDeep } from './dataEdits.ts';
import type { Run } from './runApi.ts';
import type { RunCore } from './runCore.ts';
import type { TaskState } from './runState.ts';
import { summarizeRun } from './summarizeRun.ts';
import type { JsonObject } from './types.ts';

export interface RunParts {
  runUntil: Run['runUntil'];
  startRoot(): void;
  stop(): void;
  instanceOf(task: TaskState, step: ValidStep): StepInstance;
}

// `ended` is an accessor on one shared prototype. Written as `get ended()` in the literal below,
// it gave every run its own hidden class; V8 keeps hidden classes in the old generation, and
// from there they kept each run's young objects alive through minor GCs (~7 KB per run).
const CORE = Symbol('run core');
const RUN_PROTO = {
  get ended(): boolean {
    return (this as unknown as { [CORE]: RunCore })[CORE].ended;
  },
};

export function createRunSurface(core: RunCore, parts: RunParts): Run {
  const { tasks } = core;
  // Task ids are "t" and their index (runConditions.createTask): asked once per task, a search was quadratic.
  const taskById = (taskId: string) => {
    const task = tasks[Number(taskId.slice(1))];
    return task?.id === taskId ? task : tasks.find((t) => t.id === taskId);
  };
  const members: Omit<Run, 'ended'> & { [CORE]: RunCore } = {
    [CORE]: core,
    steps: core.steps,
    events: core.events,
    runUntil: parts.runUntil,
    async runToEnd() {
      await parts.runUntil();
      return run.result();
    },
    stop() {
      if (!core.ended) parts.stop();
    },
    result: () =>
      summarizeRun({
        stepNames: core.steps.map((s) => s.name),
        invalid: core.steps.flatMap((s) => (s.valid ? [] : [{ step: s.name, index: s.index, ...s.error }])),
        events: core.events,
        // The root's live data is what replaying its patches gives, without the replay.
        finalData: tasks[0]?.data,
      }),
    dataOf: (taskId) => taskById(taskId)?.data,
    editData(taskId, next) {
      const task = taskById(taskId);
      if (!task || task.phase === 'ended') throw new Error(`task ${taskId} has ended; its data can no longer change`);
      if (task.run) throw new Error(`task ${taskId} is in the middle of a step; pause between steps to edit its data`);
      const draft = createJsonDraft(task.data);
      replaceDeep(draft.draft, task.data, jsonCopy<JsonObject>(next));
      const [data, patches, inverse, bytes] = core.guard.commit(task.data, draft.finalize(), 'after this edit');
      if (patches.length === 0) return;
      task.data = data;
      task.dataBytes = bytes;
      core.markDirty(task, patches);
      core.emit({ kind: 'data-edited', task: task.id, patches, inverse });
      if (task.phase === 'parked') core.resume(task, 'data');
      else if (task.phase === 'idle') core.queueEvaluation(task);
      // Paused before a step: the ready set for the edited data is recorded at once, so every
      // view shows what will run; the queued evaluation still decides when the run continues.
      else if (task.phase === 'queued') core.testConditions(task);
    },
    explainStep(taskId, i) {
      if (tasks.length === 0) parts.startRoot();
      const task = tasks.find((t) => t.id === taskId);
      const step = core.steps[i];
      if (!task || !step?.valid) return { match: false, leaves: [] };
      if (step.staticCondition) return { match: step.staticCondition.test(task.data), leaves: step.staticCondition.explain(task.data) };
      try {
        const instance = parts.instanceOf(task, step);
        instance.setData(task.data);
        const compiled = step.compileDynamic(instance.conditionValue());
        return { match: compiled.test(task.data), leaves: compiled.explain(task.data) };
      } catch (error) {
        return { match: false, leaves: [conditionFailureLeaf(error)] };
      }
    },
  };
  const run = Object.assign(Object.create(RUN_PROTO) as { readonly ended: boolean }, members) as Run;
  return run;
}
