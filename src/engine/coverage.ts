// Condition coverage over many runs: which steps ran, whether each condition leaf was seen both
// true and false when its step was evaluated, and which end statuses the root tasks reached.
// Plain data, so it crosses to the page and merges across runs, workers and processes.
import type { LoadedStep } from './loadStep.ts';
import type { JsonObject, TaskStatus, TraceEvent } from './types.ts';

export interface LeafCoverage {
  path: string;
  expected: string;
  via?: string;
  /** How many evaluations found the leaf true, and false. */
  t: number;
  f: number;
}

export interface StepCoverage {
  name: string;
  /** Step runs over every task of every run. */
  runs: number;
  /** Evaluations of this step's condition that were recorded. */
  evaluations: number;
  /** Leaf by leaf for a static condition; one `(condition)` leaf for a dynamic one. */
  leaves: LeafCoverage[];
}

export interface Coverage {
  runs: number;
  steps: StepCoverage[];
  statuses: Partial<Record<TaskStatus, number>>;
}

export function emptyCoverage(steps: readonly { name: string }[]): Coverage {
  return { runs: 0, steps: steps.map((s) => ({ name: s.name, runs: 0, evaluations: 0, leaves: [] })), statuses: {} };
}

/**
 * Records one run's coverage from its events. `dataOf` gives a task's data as the conditions see
 * it at an `evaluated` event (the run's own `dataOf`). Dynamic conditions are not re-run: their
 * verdict is the engine's own, followed through the evaluation's flips.
 */
export function createCoverageRecorder(steps: readonly LoadedStep[], into: Coverage) {
  const matching = new Map<string, Set<number>>();
  const subtasks = new Set<string>();
  const scratch: boolean[] = [];
  into.runs++;
  const leafSlots = (i: number, template: { path: string; expected: string; via?: string }[]) => {
    const slot = into.steps[i];
    if (slot.leaves.length !== template.length) {
      slot.leaves = template.map(({ path, expected, via }) => ({ path, expected, ...(via ? { via } : {}), t: 0, f: 0 }));
    }
    return slot.leaves;
  };
  return (event: TraceEvent, dataOf: (task: string) => JsonObject | undefined): void => {
    if (event.kind === 'step-started') {
      if (into.steps[event.step]) into.steps[event.step].runs++;
    } else if (event.kind === 'task-ended') {
      if (!subtasks.has(event.task)) into.statuses[event.status] = (into.statuses[event.status] ?? 0) + 1;
    } else if (event.kind === 'task-created') {
      if (event.parent !== null) subtasks.add(event.task);
      matching.set(event.task, new Set());
    } else if (event.kind === 'evaluated') {
      const now = matching.get(event.task) ?? new Set<number>();
      for (const [i, pass] of event.flips) {
        if (pass) now.add(i);
        else now.delete(i);
      }
      const data = dataOf(event.task);
      for (const step of steps) {
        if (!step.valid || !step.enabled || !into.steps[step.index]) continue;
        const slot = into.steps[step.index];
        slot.evaluations++;
        if (step.staticCondition && data !== undefined) {
          // The descriptions once per step; after that only the verdicts, which cost far less.
          const leaves = slot.leaves.length > 0 ? slot.leaves : leafSlots(step.index, step.staticCondition.explain(data));
          const verdicts = step.staticCondition.leafVerdicts(data, scratch);
          for (let k = 0; k < verdicts.length; k++) {
            if (verdicts[k]) leaves[k].t++;
            else leaves[k].f++;
          }
          scratch.length = 0;
        } else {
          const [leaf] = leafSlots(step.index, [{ path: '(condition)', expected: 'the dynamic condition' }]);
          if (now.has(step.index)) leaf.t++;
          else leaf.f++;
        }
      }
    }
  };
}

/** Adds `from` into `into` (same workspace). */
export function mergeCoverage(into: Coverage, from: Coverage): Coverage {
  into.runs += from.runs;
  from.steps.forEach((step, i) => {
    const slot = into.steps[i];
    if (!slot) return;
    slot.runs += step.runs;
    slot.evaluations += step.evaluations;
    if (slot.leaves.length === 0) slot.leaves = step.leaves.map((leaf) => ({ ...leaf }));
    else if (slot.leaves.length === step.leaves.length) {
      step.leaves.forEach((leaf, k) => {
        slot.leaves[k].t += leaf.t;
        slot.leaves[k].f += leaf.f;
      });
    }
  });
  for (const [status, count] of Object.entries(from.statuses) as [TaskStatus, number][]) into.statuses[status] = (into.statuses[status] ?? 0) + count;
  return into;
}

export interface CoverageSummary {
  stepsRun: number;
  steps: number;
  /** Leaves seen both true and false, of all leaves recorded. */
  leavesBoth: number;
  leaves: number;
  neverRun: string[];
}

export function summarizeCoverage(coverage: Coverage): CoverageSummary {
  const leaves = coverage.steps.flatMap((s) => s.leaves);
  return {
    stepsRun: coverage.steps.filter((s) => s.runs > 0).length,
    steps: coverage.steps.length,
    leavesBoth: leaves.filter((l) => l.t > 0 && l.f > 0).length,
    leaves: leaves.length,
    neverRun: coverage.steps.filter((s) => s.runs === 0).map((s) => s.name),
  };
}
