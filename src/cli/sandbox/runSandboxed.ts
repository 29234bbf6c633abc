// Runs a workspace in the sandbox child and keeps a watchdog on it. The child beats before every
// slice of step code; when a step run's slices add up to more than stepTimeoutMs, or the child
// goes silent that long, it is killed. The run is deterministic, so it is then replayed in a
// fresh child with that step run failing at once with "execution timeout": only its task ends,
// and the rest goes on (semantics 4.9). A child that dies any other way (out of memory, a crash)
// ends the run in error: the CLI never crashes.
import type { ChildProcess } from 'node:child_process';
import type { Coverage } from '../../engine/coverage.ts';
import { summarizeRun } from '../../engine/summarizeRun.ts';
import { EXECUTION_TIMEOUT, timeoutEvents } from '../../engine/timeoutEvents.ts';
import type { InvalidStep, RunResult, TraceEvent, Workspace } from '../../engine/types.ts';
import { createWatchdog } from '../../engine/watchdog.ts';
import { childProgram } from './buildChild.ts';
import { readChildMessage } from './childMessages.ts';
import { CHILD_HEAP_MB, spawnChild } from './spawnChild.ts';
import { runKey } from '../../engine/timedOutRuns.ts';

const STARTUP_MS = 60_000;
/** Replays after kills; past this many runaway step runs the run just ends where it was killed. */
const MAX_REPLAYS = 10;

export interface SandboxOptions {
  taskName?: string;
  seed?: number;
  /** Asks the child for condition coverage; called with it when the run ends normally. */
  onCoverage?: (coverage: Coverage) => void;
}

type Attempt = { result: RunResult; killed: string | null };

export async function runSandboxed(workspace: Workspace, options: SandboxOptions = {}): Promise<RunResult> {
  const timedOut: string[] = [];
  for (;;) {
    const { result, killed } = await attempt(workspace, options, timedOut);
    if (!killed || timedOut.length >= MAX_REPLAYS || timedOut.includes(killed)) return result;
    timedOut.push(killed);
  }
}

/** One child's go at the run; `killed` names the step run the watchdog stopped, if it could. */
async function attempt(workspace: Workspace, options: SandboxOptions, timedOut: string[]): Promise<Attempt> {
  let child: ChildProcess;
  try {
    child = spawnChild(await childProgram());
  } catch (error) {
    const message = `the sandbox could not start: ${(error as Error)?.message ?? String(error)}`;
    return {
      result: summarize(
        workspace.steps.map((s) => s.name),
        [],
        [],
        { message, task: 't0', step: null },
      ),
      killed: null,
    };
  }
  const events: TraceEvent[] = [];
  let stepNames = workspace.steps.map((s) => s.name);
  let invalid: InvalidStep[] = [];
  const limit = workspace.limits.stepTimeoutMs;
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (stderr.length < 64_000) stderr += chunk;
  });

  return new Promise<Attempt>((resolve) => {
    const watchdog = createWatchdog(limit, Date.now);
    let lastTask = 't0';
    let finished = false;
    const finish = (abort: { message: string } | null) => {
      if (finished) return;
      finished = true;
      clearInterval(patrol);
      child.removeAllListeners('message');
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      const owner = watchdog.slice;
      const culprit = abort && { ...abort, task: owner?.task ?? lastTask, step: owner?.step ?? null };
      resolve({ result: summarize(stepNames, invalid, events, culprit), killed: abort?.message === EXECUTION_TIMEOUT ? killedRun(events, culprit) : null });
    };
    // Until the steps are loaded no step code has run, so only a generous start-up limit applies.
    let loaded = false;
    const startedAt = Date.now();
    const patrol = setInterval(
      () => {
        if (!loaded) {
          if (Date.now() - startedAt > STARTUP_MS) finish({ message: `the sandbox did not start within ${STARTUP_MS / 1000} s` });
          return;
        }
        if (watchdog.expired()) finish({ message: EXECUTION_TIMEOUT });
      },
      Math.max(5, Math.min(50, limit / 4)),
    );
    let asked = false;
    const onMessage = (raw: unknown) => {
      const message = readChildMessage(raw);
      if (!message) return finish({ message: "step code broke the sandbox's messages (it changed a built-in such as Object.prototype.toJSON)" });
      if (message.type === 'ready') {
        if (asked) return;
        asked = true;
        child.send(JSON.stringify({ workspace, taskName: options.taskName, seed: options.seed, timedOut, coverage: !!options.onCoverage }), (error) => {
          if (error) finish({ message: `the sandbox could not start: ${error.message}` });
        });
      } else if (message.type === 'beat') {
        for (const event of message.events) events.push(event);
        watchdog.heard(message);
        if (message.slice) lastTask = message.slice.task;
      } else if (message.type === 'loaded') {
        ({ stepNames, invalid } = message);
        loaded = true;
        watchdog.arm();
      } else if (message.type === 'done') {
        if (message.coverage) options.onCoverage?.(message.coverage);
        finish(null);
      } else if (message.type === 'failed') finish({ message: `the run stopped: ${message.message}` });
      else finish({ message: "step code broke the sandbox's messages (an answer the run does not give)" });
    };
    child.on('message', (raw: unknown) => {
      try {
        onMessage(raw);
      } catch (error) {
        finish({ message: `the sandbox's messages could not be read: ${(error as Error)?.message ?? 'unknown error'}` });
      }
    });
    child.on('error', (error) => finish({ message: `the sandbox could not start: ${error.message}` }));
    child.on('exit', (code, signal) => {
      if (finished) return;
      const oom = /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr);
      finish({ message: oom ? `memory limit (${CHILD_HEAP_MB} MB)` : `the sandbox stopped unexpectedly (${signal ?? `exit code ${code}`})` });
    });
  });
}

/** The run's result, with the events a kill leaves out; a damaged trace still gives a result. */
function summarize(
  stepNames: string[],
  invalid: InvalidStep[],
  events: TraceEvent[],
  abort: { message: string; task: string; step: number | null } | null,
): RunResult {
  // Stopped before the root task existed: there is no trace to end, only the error.
  if (abort && !events.some((e) => e.kind === 'task-created')) return failedResult(abort.message, invalid);
  try {
    const extra = abort ? timeoutEvents(events, abort.task, abort.step).map((e) => withMessage(e, abort.message)) : [];
    return summarizeRun({ stepNames, invalid, events: [...events, ...extra] });
  } catch (error) {
    return failedResult(`the run's trace could not be read: ${(error as Error)?.message ?? 'unknown error'}`, invalid);
  }
}

/** The key of the step run a kill stopped: the culprit's last started run of that step. */
function killedRun(events: TraceEvent[], culprit: { task: string; step: number | null } | null): string | null {
  if (!culprit || culprit.step === null) return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.kind === 'step-started' && e.task === culprit.task && e.step === culprit.step) return runKey(e.task, e.step, e.run);
  }
  return null;
}

export function failedResult(message: string, invalid: InvalidStep[]): RunResult {
  return {
    status: 'error',
    result: null,
    error: { message, line: null, column: null, step: null },
    data: {},
    ran: [],
    tasks: [],
    invalid,
    virtualTimeMs: 0,
    stepRuns: 0,
    logs: [],
    events: [],
  };
}

function withMessage(event: TraceEvent, message: string): TraceEvent {
  if ((event.kind === 'step-failed' || event.kind === 'task-ended') && event.error) return { ...event, error: { ...event.error, message } };
  return event;
}
