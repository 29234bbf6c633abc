// The scheduler's loop: pops events off the virtual clock, lets woken step runs settle, and
// adds up each step run's CPU time across its slices (stepTimeoutMs covers all of them).
import { EXECUTION_TIMEOUT } from './timeoutEvents.ts';
import { sourceError, type RunCore } from './runCore.ts';
import type { StepRun, TaskState } from './runState.ts';
import type { TraceEvent } from './types.ts';
import { wallClock } from './wallClock.ts';

const BLOCKED: unique symbol = Symbol('blocked');
const NEVER_RESOLVES =
  'the step awaits a promise that never resolves on the virtual clock (only connectors, task.park, setTimeout and connectors.utils.sleep advance it)';

export function createRunLoop(core: RunCore, startRoot: () => void) {
  const { queue, options } = core;
  const clock = wallClock(core.options.host);
  const conditionsRunCode = core.steps.some((s) => s.valid && s.conditionRunsCode);
  /** When the current slice stopped running step code, if before it was settled (see settle). */
  let sliceEnd: number | null = null;

  /** Lets a woken run's code go on until it settles or blocks; the outcome, or BLOCKED. */
  async function settle(run: StepRun): Promise<{ error: unknown } | null | typeof BLOCKED> {
    // Fast path: a content that settled within one microtask needs no more frames.
    await null;
    if (run.ended) return BLOCKED;
    if (run.outcome !== undefined) return run.outcome;
    // Most contents settle within a few microtasks; only then is a host macrotask worth its cost.
    for (let i = 0; i < 12 && run.outcome === undefined; i++) await null;
    if (run.outcome !== undefined) return run.outcome;
    // Waiting for the host's macrotask is not the step's CPU time; the slice is charged up to here.
    sliceEnd = clock();
    // A run that awaits its connector call or timer is woken by that event on the virtual clock:
    // the host's macrotask (a message round trip, the cost of a whole short step in a browser
    // worker) would change nothing. Anything else it awaits still gets one when the clock is
    // empty (drainHung).
    if (run.pendingOps > 0) return BLOCKED;
    return Promise.race([run.done, options.host.yieldMacrotask().then((): typeof BLOCKED => BLOCKED)]);
  }

  /** Tells the host whose code runs next, and how much CPU time that step run has used already. */
  function enterSlice(run: StepRun | null, task: TaskState | null): void {
    if (!options.onSlice) return;
    if (run) options.onSlice({ task: run.task.id, step: run.step, spentMs: run.cpuMs, run: run.run });
    // A task's own events (evaluating, waking) run the user's code only in conditions that can;
    // the step it starts is named by its `step-started` event, before its code runs.
    else if (task && conditionsRunCode) options.onSlice({ task: task.id, step: task.run?.step ?? null, spentMs: task.run?.cpuMs ?? 0 });
  }

  /** Charges a slice to its step run; a run over stepTimeoutMs in total is stopped here. */
  function charge(run: StepRun | null, ms: number): void {
    if (!run) return;
    run.cpuMs += ms;
    if (run.ended || run.cpuMs <= core.limits.stepTimeoutMs) return;
    core.failRun(run, sourceError(EXECUTION_TIMEOUT));
    core.noteLimit(run.task, `${EXECUTION_TIMEOUT} (a step ran more than stepTimeoutMs, ${core.limits.stepTimeoutMs} ms, of CPU time)`);
  }

  async function drainHung(): Promise<boolean> {
    const hung = core.tasks.filter((t) => t.run && !t.run.ended);
    if (hung.length === 0) return false;
    // A step awaiting something outside the virtual clock (a blocked fetch, say) gets a
    // while to settle before it is called stuck.
    for (let i = 0; i < 500 && queue.size === 0 && hung.some((t) => t.run?.outcome === undefined); i++) {
      await options.host.yieldMacrotask();
    }
    for (const task of hung) {
      const run = task.run;
      if (!run || run.ended) continue;
      if (run.outcome !== undefined) core.finishRun(run, run.outcome);
      else if (queue.size === 0) core.failRun(run, sourceError(NEVER_RESOLVES));
    }
    return true;
  }

  async function runUntil(pause?: (event: TraceEvent) => boolean): Promise<boolean> {
    core.pausing = pause;
    core.pauseHit = false;
    if (core.tasks.length === 0) startRoot();
    let sinceYield = 0;
    while (!core.ended && !core.pauseHit) {
      const next = queue.pop();
      if (!next) {
        if (!(await drainHung())) core.ended = true;
        continue;
      }
      core.now = next.time;
      const owner = next.owner as StepRun | TaskState | undefined;
      const ownerRun = owner && 'draft' in owner ? owner : null;
      enterSlice(ownerRun, ownerRun ? null : ((owner as TaskState | undefined) ?? null));
      const started = clock();
      sliceEnd = null;
      const wokenRun = next.fire();
      if (wokenRun && !wokenRun.ended) {
        if (wokenRun !== ownerRun) enterSlice(wokenRun, null);
        const outcome = await settle(wokenRun);
        // Charged before finishing: a run that went over in total fails even if it just settled.
        charge(wokenRun, (sliceEnd ?? clock()) - started);
        if (outcome !== BLOCKED && !wokenRun.ended) core.finishRun(wokenRun, outcome);
      } else charge(ownerRun, clock() - started);
      options.onSlice?.(null);
      if (++sinceYield >= 1000) {
        sinceYield = 0;
        await options.host.yieldMacrotask();
      }
    }
    core.pausing = undefined;
    return core.ended;
  }

  return { runUntil };
}
