// The sandbox child's batch modes, in the same realm as step code: `explore` runs a range of
// generated variants, `shrink` minimises one example. Before each variant and each slice of step
// code the child beats with the variant's index, so a watchdog that kills it knows which one hung.
import { setCodeCompiler } from '../../engine/compileCode.ts';
import { exploreRange } from '../../engine/explore/exploreRange.ts';
import { shrinkExample } from '../../engine/explore/shrinkExample.ts';
import { messageOf } from '../../engine/sourceLocation.ts';
import type { JsonObject, TraceEvent, Workspace } from '../../engine/types.ts';

export type BatchInput =
  | { mode: 'explore'; workspace: Workspace; seed: number; from: number; count: number }
  | { mode: 'shrink'; workspace: Workspace; data: JsonObject; key: string };

export interface BatchTools {
  post(message: unknown): void;
  defer(callback: () => void): void;
  compile(params: string, body: string): ((...args: unknown[]) => unknown) | string;
  clock(): number;
}

const BEAT_MS = 20;

export function startBatch(input: BatchInput, { post, defer, compile, clock }: BatchTools): void {
  setCodeCompiler((params, body) => {
    const compiled = compile(params.join(','), body);
    if (typeof compiled === 'string') throw new SyntaxError(compiled);
    return compiled;
  });
  const host = { yieldMacrotask: () => new Promise<void>((resolve) => defer(resolve)), now: clock };
  let variant = -1;
  let lastBeat = 0;
  let lastKey = '';
  const beat = (owner: { task: string; step: number | null; spentMs?: number } | null, force = false) => {
    const key = owner ? `${variant}:${owner.task}:${owner.step}` : `${variant}`;
    if (!force && key === lastKey && clock() - lastBeat < BEAT_MS) return;
    post({ type: 'beat', task: owner?.task ?? null, step: owner?.step ?? null, spent: owner?.spentMs ?? 0, events: [], variant });
    lastKey = key;
    lastBeat = clock();
  };
  const hooks = {
    onVariant(index: number) {
      variant = index;
      beat(null, true);
    },
    onSlice: (owner: { task: string; step: number | null; spentMs: number } | null) => beat(owner),
    // A step's first slice starts right after `step-started`, which names it.
    onEvent: (event: TraceEvent) => {
      if (event.kind === 'step-started') beat({ task: event.task, step: event.step }, true);
    },
  };
  post({ type: 'loaded', stepNames: input.workspace.steps.map((s) => s.name), invalid: [] });
  const work =
    input.mode === 'explore'
      ? exploreRange(input.workspace, input.seed, input.from, input.count, host, hooks).then((chunk) => ({ type: 'explored', chunk }))
      : shrinkExample(input.workspace, input.data, input.key, host, hooks).then((shrunk) => ({ type: 'shrunk', shrunk }));
  work.then(post, (error: unknown) => post({ type: 'failed', message: String(messageOf(error)) }));
}
