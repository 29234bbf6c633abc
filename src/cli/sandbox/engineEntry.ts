// Runs inside the CLI's vm context, together with step code: the engine and the steps share
// this realm (as in the browser worker), so task data and API objects carry no host prototypes.
// The only host values it holds are the three functions of `SandboxHost`, kept in this closure
// and called with strings or this realm's own functions, so step code can never reach them.
import { setCodeCompiler } from '../../engine/compileCode.ts';
import { messageOf } from '../../engine/sourceLocation.ts';
import { emptyCoverage } from '../../engine/coverage.ts';
import { createCoveredRun } from '../../engine/coveredRun.ts';
import type { Workspace } from '../../engine/types.ts';
import { createRunBeats } from '../../engine/beats.ts';
import { startBatch, type BatchInput } from './batchEntry.ts';
import { createTimedOutGuard } from '../../engine/timedOutRuns.ts';

export interface SandboxHost {
  /** One JSON message to the parent process. */
  send(text: string): void;
  /** Calls back on a later host macrotask. */
  defer(callback: () => void): void;
  /** Compiles a function body in this realm (comma-separated parameters); a string is an error message. */
  compile(params: string, body: string): ((...args: unknown[]) => unknown) | string;
}

export interface SandboxInput {
  workspace: Workspace;
  taskName?: string;
  seed?: number;
  /** Step runs (`task:step:run`) the watchdog killed in an earlier attempt of this same run. */
  timedOut?: string[];
  /** Records condition coverage and sends it with `done` (cli test --coverage). */
  coverage?: boolean;
}

// Captured before any step code runs, so a step that replaces them cannot blind the watchdog.
const clock = Date.now;
const stringify = JSON.stringify;
const parse = JSON.parse;

export function start(host: SandboxHost, inputText: string): void {
  const { send, defer, compile } = host;
  const post = (message: unknown) => send(stringify(message));
  // The browser worker's beats (engine/beats.ts), sent as JSON: the parent's watchdog is the same.
  const beats = createRunBeats((beat) => post({ type: 'beat', ...beat }), clock);
  try {
    const input = parse(inputText) as SandboxInput | BatchInput;
    if ('mode' in input) return startBatch(input, { post, defer, compile, clock });
    const guard = createTimedOutGuard(input.timedOut ?? []);
    setCodeCompiler((params, body) => {
      const compiled = compile(params.join(','), body);
      if (typeof compiled === 'string') throw new SyntaxError(compiled);
      return guard.wrap(compiled);
    });
    // `now` is the captured clock: a step replacing Date.now must not hide its CPU time.
    const runHost = { yieldMacrotask: () => new Promise<void>((resolve) => defer(resolve)), now: () => clock() };
    const coverage = input.coverage ? emptyCoverage(input.workspace.steps) : null;
    const run = createCoveredRun(
      input.workspace,
      {
        host: runHost,
        taskName: input.taskName,
        seed: input.seed,
        // Every new slice of step code is preceded by a beat carrying the events so far, so a kill
        // names the right step run and loses nothing of what came before it.
        onEvent(event) {
          guard.observe(event);
          beats.onEvent(event);
        },
        onSlice: beats.onSlice,
      },
      coverage,
    );
    post({
      type: 'loaded',
      stepNames: run.steps.map((s) => s.name),
      invalid: run.steps.flatMap((s) => (s.valid ? [] : [{ step: s.name, index: s.index, ...s.error }])),
    });
    run.runUntil().then(
      () => {
        beats.finish();
        post(coverage ? { type: 'done', coverage } : { type: 'done' });
      },
      (error: unknown) => fail(error),
    );
  } catch (error) {
    fail(error);
  }
  function fail(error: unknown) {
    let message: string;
    try {
      message = String(messageOf(error));
    } catch {
      message = 'an error that cannot be described';
    }
    try {
      beats.finish();
    } catch {
      // The events may be what cannot be sent; the parent still learns the run failed.
    }
    send(stringify({ type: 'failed', message }));
  }
}
