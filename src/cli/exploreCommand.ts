// `steplab explore`: runs generated variants of the workspace's tasks in sandbox children
// (`--workers` of them at once, each its own process), groups the outcomes into classes, and
// shrinks an example of every class that did not end `done`. The same seed gives the same output.
import { summarizeCoverage } from '../engine/coverage.ts';
import { exploreAll, type RangeOutcome } from '../engine/explore/exploreAll.ts';
import { variantSpaceOf, type ExploredClass } from '../engine/explore/exploreRange.ts';
import type { JsonObject, Workspace } from '../engine/types.ts';
import { batchSandboxed } from './sandbox/batchSandboxed.ts';

/** Variants per sandbox child: large, since a child costs a start-up. */
const CHUNK = 2_500;
/** Classes shrunk at most; the rest keep their first example. */
const MAX_SHRINKS = 20;

export interface ExploreReport {
  runs: number;
  seed: number;
  stepRuns: number;
  classes: (Omit<ExploredClass, 'key' | 'data'> & { example: JsonObject; minimal: JsonObject | null; why: string | null })[];
  coverage: ReturnType<typeof summarizeCoverage>;
}

export async function exploreCommand(workspace: Workspace, options: { runs: number; seed: number; workers: number }, progress?: (done: number) => void) {
  const started = Date.now();
  const runRange = async (from: number, count: number): Promise<RangeOutcome> => {
    const outcome = await batchSandboxed({ mode: 'explore', workspace, seed: options.seed, from, count });
    if (outcome.ok && outcome.chunk) return { ok: true, chunk: outcome.chunk };
    return outcome.ok ? { ok: false, message: 'no result', variant: null, step: null } : outcome;
  };
  const total = await exploreAll(
    workspace,
    {
      runs: options.runs,
      seed: options.seed,
      chunkSize: CHUNK,
      variantData: async (i) => variantSpaceOf(workspace, options.seed).variant(i),
      lanes: options.workers,
      onProgress: (t) => progress?.(t.runs),
    },
    runRange,
  );
  const exploredMs = Date.now() - started;
  const toShrink = total.classes.filter((c) => c.status !== 'done' && !c.key.endsWith('(killed)')).slice(0, MAX_SHRINKS);
  const shrunk = new Map<string, { data: JsonObject; why: string }>();
  let next = 0;
  const lane = async () => {
    while (next < toShrink.length) {
      const found = toShrink[next++];
      const outcome = await batchSandboxed({ mode: 'shrink', workspace, data: found.data, key: found.key });
      if (outcome.ok && outcome.shrunk) shrunk.set(found.key, { data: outcome.shrunk.data, why: outcome.shrunk.why });
    }
  };
  await Promise.all(Array.from({ length: options.workers }, lane));
  const report: ExploreReport = {
    runs: total.runs,
    seed: options.seed,
    stepRuns: total.stepRuns,
    classes: total.classes.map(({ key, data, ...rest }) => ({
      ...rest,
      example: data,
      minimal: shrunk.get(key)?.data ?? null,
      why: shrunk.get(key)?.why ?? null,
    })),
    coverage: summarizeCoverage(total.coverage),
  };
  return { report, exploredMs, totalMs: Date.now() - started };
}

export function formatExplore(report: ExploreReport, timing: { exploredMs: number; totalMs: number }, workers: number): string {
  const lines = [
    `${report.runs.toLocaleString('en')} variants (seed ${report.seed}) in ${(timing.exploredMs / 1000).toFixed(1)} s on ${workers} worker${workers > 1 ? 's' : ''}; ${report.classes.length} classes`,
    '',
  ];
  report.classes.forEach((c, i) => {
    lines.push(`${i + 1}. ${c.status.toUpperCase()} ×${c.count}${c.error ? `  ${c.error}` : ''}`);
    lines.push(`   ran: ${c.ran.length ? c.ran.join(' → ') : '(no step)'}`);
    lines.push(`   example #${c.index}: ${JSON.stringify(c.example)}`);
    if (c.minimal) lines.push(`   minimal: ${JSON.stringify(c.minimal)}`);
    if (c.why) lines.push(`   why: ${c.why}`);
  });
  const cov = report.coverage;
  lines.push(
    '',
    `steps run: ${cov.stepsRun}/${cov.steps}${cov.neverRun.length ? ` (never: ${cov.neverRun.join(', ')})` : ''}; leaves seen true and false: ${cov.leavesBoth}/${cov.leaves}`,
  );
  return `${lines.join('\n')}\n`;
}
