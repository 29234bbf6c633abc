// Runs one batch (a range of explored variants, or one shrink) in a sandbox child, with the same
// watchdog as a run: a step run's slices may add up to stepTimeoutMs, and a silent child is
// killed after that long. A kill names the variant that was running, so the caller can record
// it and go on from the next one.
import type { ChildProcess } from 'node:child_process';
import type { ExploreChunk } from '../../engine/explore/exploreRange.ts';
import type { ShrunkExample } from '../../engine/explore/shrinkExample.ts';
import type { BatchInput } from './batchEntry.ts';
import { createWatchdog } from '../../engine/watchdog.ts';
import { childProgram } from './buildChild.ts';
import { readChildMessage } from './childMessages.ts';
import { CHILD_HEAP_MB, spawnChild } from './spawnChild.ts';

const STARTUP_MS = 60_000;

export type BatchOutcome =
  { ok: true; chunk?: ExploreChunk; shrunk?: ShrunkExample } | { ok: false; message: string; variant: number | null; step: number | null; timedOut: boolean };

export async function batchSandboxed(input: BatchInput): Promise<BatchOutcome> {
  let child: ChildProcess;
  try {
    child = spawnChild(await childProgram());
  } catch (error) {
    return { ok: false, message: `the sandbox could not start: ${(error as Error)?.message ?? String(error)}`, variant: null, step: null, timedOut: false };
  }
  const limit = input.workspace.limits.stepTimeoutMs;
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (stderr.length < 64_000) stderr += chunk;
  });
  return new Promise<BatchOutcome>((resolve) => {
    const watchdog = createWatchdog(limit, Date.now);
    let loaded = false;
    let done = false;
    const startedAt = Date.now();
    const finish = (outcome: BatchOutcome) => {
      if (done) return;
      done = true;
      clearInterval(patrol);
      child.removeAllListeners('message');
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const fail = (message: string, timedOut = false) => finish({ ok: false, message, variant: watchdog.seq, step: watchdog.slice?.step ?? null, timedOut });
    const patrol = setInterval(
      () => {
        if (!loaded) {
          if (Date.now() - startedAt > STARTUP_MS) fail(`the sandbox did not start within ${STARTUP_MS / 1000} s`);
          return;
        }
        if (watchdog.expired()) fail('execution timeout', true);
      },
      Math.max(5, Math.min(50, limit / 4)),
    );
    child.on('message', (raw: unknown) => {
      const message = readChildMessage(raw);
      if (!message) return fail("step code broke the sandbox's messages");
      if (message.type === 'ready') child.send(JSON.stringify(input), (error) => error && fail(`the sandbox could not start: ${error.message}`));
      else if (message.type === 'loaded') {
        loaded = true;
        watchdog.arm();
      } else if (message.type === 'beat') watchdog.heard(message);
      else if (message.type === 'explored') finish({ ok: true, chunk: message.chunk });
      else if (message.type === 'shrunk') finish({ ok: true, shrunk: message.shrunk });
      else if (message.type === 'failed') fail(`the batch stopped: ${message.message}`);
      else fail("step code broke the sandbox's messages (an answer the batch does not give)");
    });
    child.on('error', (error) => fail(`the sandbox could not start: ${error.message}`));
    child.on('exit', (code, signal) => {
      const oom = /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr);
      fail(oom ? `memory limit (${CHILD_HEAP_MB} MB)` : `the sandbox stopped unexpectedly (${signal ?? `exit code ${code}`})`);
    });
  });
}
