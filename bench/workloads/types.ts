// What a workload hands the runner: cases, each with runners that return the step runs they did
// and the milliseconds they took. Loading and compiling stay outside the timing for every runner.

export type Runner = () => Promise<{ runs: number; ms: number }>;

export interface BenchCase {
  workload: string;
  /** The workload's size: steps, rows, tasks, or (examples) the example's step runs. */
  n: number;
  /** Extra label, e.g. the example's file. */
  label?: string;
  steplab: Runner;
  naive: Runner | null;
  /** json-rules-engine, as context (chain only). */
  jsonRulesEngine?: Runner;
  /** Milliseconds of step time to measure each runner for. */
  budgetMs: number;
}

/** Times `body` and checks it did the step runs it should have. */
export async function timed(expectRuns: number | null, body: () => Promise<number>): Promise<{ runs: number; ms: number }> {
  const start = performance.now();
  const runs = await body();
  const ms = performance.now() - start;
  if (expectRuns !== null && runs !== expectRuns) throw new Error(`expected ${expectRuns} step runs, got ${runs}`);
  return { runs, ms };
}
