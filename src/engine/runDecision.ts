// The scheduler's decisions, as pure functions of a task's state: what runs next after an
// evaluation, and what follows a step that finished (semantics 4). They decide; runEffects.ts
// and runConditions.ts carry the decision out, so every rule of "what happens next" is here.
import type { TaskEnd } from './runCore.ts';
import type { StepEffects } from './runState.ts';

/** After an evaluation: start the first ready step, pause at a breakpoint, idle, or end. */
export type NextAction = { kind: 'start'; step: number } | { kind: 'pause' } | { kind: 'idle' } | { kind: 'end'; end: TaskEnd };

/**
 * `ready` is in workspace order; `pause` is whether a breakpoint asked to stop before it;
 * `childrenRunning` whether any child of the task has not ended (then the task is not stuck).
 */
export function nextAction(ready: readonly number[], pause: boolean, childrenRunning: boolean): NextAction {
  if (ready.length > 0) return pause ? { kind: 'pause' } : { kind: 'start', step: ready[0] };
  if (childrenRunning) return { kind: 'idle' };
  return { kind: 'end', end: { status: 'incomplete', result: null, error: null } };
}

/** After a step's changes are applied: end the task, park it, wait for children, or evaluate. */
export type AfterStep = { kind: 'end'; end: TaskEnd } | { kind: 'park'; ms: number } | { kind: 'wait-children' } | { kind: 'evaluate' };

/** The order matters and is the contract: complete, ignore, empty data, park, waitFor, else evaluate. */
export function afterStep(effects: StepEffects, dataIsEmpty: boolean, waitingForChildren: boolean): AfterStep {
  if (effects.complete) return { kind: 'end', end: { status: 'done', result: effects.complete.result, error: null } };
  if (effects.ignore) return { kind: 'end', end: { status: 'ignored', result: null, error: null } };
  if (dataIsEmpty) return { kind: 'end', end: { status: 'done', error: null } };
  if (effects.park !== null) return { kind: 'park', ms: effects.park };
  if (waitingForChildren) return { kind: 'wait-children' };
  return { kind: 'evaluate' };
}

/** Whether a task may run its next step: armed, matching (semantics 4.1, 4.3). */
export const isReady = (armed: boolean, matches: boolean) => armed && matches;
