// The sandbox child's batch modes, in the same realm as step code: `explore` runs a range of
// generated variants, `shrink` minimises one example. Before each variant and each new slice of
// step code the child beats with the variant's index, so a watchdog that kills it knows which one hung.
import { setCodeCompiler } from '../../engine/compileCode.ts';
import { exploreRange } from '../../engine/explore/exploreRange.ts';
import { shrinkExample } from '../../engine/explore/shrinkExample.ts';
import { messageOf } from '../../engine/sourceLocation.ts';
import type { JsonObject, Workspace } from '../../engine/types.ts';
import { createBatchBeats } from '../../engine/beats.ts';

export type BatchInput =
  | { mode: 'explore'; workspace: Workspace; seed: number; from: number; count: number }
  | { mode: 'shrink'; workspace: Workspace; data: JsonObject; key: string };

export interface BatchTools {
  post(message: unknown): void;
  defer(callback: () => void): void;
  compile(params: string, body: string): ((...args: unknown[]) => unknown) | string;
  clock(): number;
}

export function startBatch(input: BatchInput, { post, defer, compile, clock }: BatchTools): void {
  setCodeCompiler((params, body) => {
    const compiled = compile(params.join(','), body);
    if (typeof compiled === 'string') throw new SyntaxError(compiled);
    return compiled;
  });
  const host = { yieldMacrotask: () => new Promise<void>((resolve) => defer(resolve)), now: clock };
  // The browser worker's batch beats (engine/beats.ts), sent as JSON.
  const hooks = createBatchBeats((beat) => post({ type: 'beat', ...beat }), clock);
  post({ type: 'loaded', stepNames: input.workspace.steps.map((s) => s.name), invalid: [] });
  const work =
    input.mode === 'explore'
      ? exploreRange(input.workspace, input.seed, input.from, input.count, host, hooks).then((chunk) => ({ type: 'explored', chunk }))
      : shrinkExample(input.workspace, input.data, input.key, host, hooks).then((shrunk) => ({ type: 'shrunk', shrunk }));
  work.then(post, (error: unknown) => post({ type: 'failed', message: String(messageOf(error)) }));
}
