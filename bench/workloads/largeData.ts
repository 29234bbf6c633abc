// `large-data`: one redo step writes one row of an array of N rows, 1,000 step runs per run.
// What a step changes stays the same; only the data around it grows, so a per-step cost that
// grows with N is a cost that follows size, not change.
import { loadSteps } from '../../src/engine/createRun.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { createAppRun, runToEnd } from '../appHooks.ts';
import { compileNaive, runNaive, type NaiveData } from '../naive.ts';
import { timed, type BenchCase } from './types.ts';

export const RUNS = 1000;

/** N rows of about 70 bytes each (5,000 rows are about 390 KB of JSON). */
export function largeData(n: number): NaiveData {
  const rows = Array.from({ length: n }, (_, k) => ({ id: k, name: `customer ${k}`, email: `customer${k}@example.com`, v: 0 }));
  return { i: 0, rows };
}

/** The workspace as JSON (the CLI measurement writes it to a file): `runs` step runs of one redo step. */
export function largeDataJson(n: number, runs = RUNS) {
  const source = `export const condition = { i: { $lt: ${runs} } };
export const content = async () => {
  data.rows[(data.i * 7919) % data.rows.length].v = data.i;
  data.i++;
  if (data.i === ${runs}) task.complete(); else step.redo();
};
`;
  return {
    steps: [{ name: 'write one row', source }],
    tasks: [{ name: 'rows', data: largeData(n) }],
    limits: { maxSteps: runs + 1, maxDataBytes: 4 * 1024 * 1024 },
  };
}

export const largeDataWorkspace = (n: number) => parseWorkspace(largeDataJson(n));

export function largeDataCases(): BenchCase[] {
  return [100, 1000, 5000].map((n) => {
    const workspace = largeDataWorkspace(n);
    const steps = loadSteps(workspace);
    const program = compileNaive([
      {
        query: { i: { $lt: RUNS } },
        content: (data, control) => {
          data.rows[(data.i * 7919) % data.rows.length].v = data.i;
          data.i++;
          if (data.i === RUNS) control.complete();
          else control.redo();
        },
      },
    ]);
    const fresh = largeData(n);
    return {
      workload: 'large-data',
      n,
      budgetMs: 1500,
      steplab: () => timed(RUNS, () => runToEnd(createAppRun(workspace, steps))),
      // The naive loop gets a fresh copy each time (it mutates in place); the copy is not timed.
      naive: () => {
        const data = structuredClone(fresh);
        return timed(RUNS, () => runNaive(program, [data]));
      },
    };
  });
}
