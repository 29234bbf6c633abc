// `examples`: every shipped example (examples/*.json), each of its tasks run to its end, back
// to back; N is the example's step runs. The naive loop has no connectors, timers, park or
// subtasks, so it cannot run these: its column is empty here.
import { readdirSync, readFileSync } from 'node:fs';
import { loadSteps } from '../../src/engine/createRun.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { createAppRun, runToEnd } from '../appHooks.ts';
import type { BenchCase, Runner } from './types.ts';

const dir = new URL('../../examples/', import.meta.url);

export function exampleCases(): BenchCase[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const runners: { file: string; n: number; steplab: Runner }[] = [];
  for (const file of files) {
    const workspace = parseWorkspace(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    const steps = loadSteps(workspace);
    const steplab: Runner = async () => {
      const start = performance.now();
      let runs = 0;
      for (const task of workspace.tasks) runs += await runToEnd(createAppRun(workspace, steps, task.name));
      return { runs, ms: performance.now() - start };
    };
    runners.push({ file, n: 0, steplab });
  }
  return runners.map((r) => ({ workload: 'examples', n: r.n, label: r.file, budgetMs: 400, steplab: r.steplab, naive: null }));
}

/** All examples together, one after another: the rate over their summed step runs. */
export function allExamplesCase(cases: BenchCase[]): BenchCase {
  return {
    workload: 'examples',
    n: 0,
    label: 'all',
    budgetMs: 1500,
    naive: null,
    steplab: async () => {
      let runs = 0;
      let ms = 0;
      for (const c of cases) {
        const r = await c.steplab();
        runs += r.runs;
        ms += r.ms;
      }
      return { runs, ms };
    },
  };
}
