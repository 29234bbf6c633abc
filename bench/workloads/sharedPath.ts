// `shared-path`: N steps all reading one field, step K waiting for `order.status` "sK" and
// setting "s(K+1)": the seed's sequential shape, where a read-path index alone cannot narrow
// which conditions a change affects.
import { loadSteps } from '../../src/engine/createRun.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { createAppRun, runToEnd } from '../appHooks.ts';
import { compileNaive, runNaive } from '../naive.ts';
import { timed, type BenchCase } from './types.ts';

function sharedPathWorkspace(n: number) {
  const steps = Array.from({ length: n }, (_, k) => ({
    name: `s${k}`,
    source: `export const condition = { order: { status: "s${k}" } };\nexport const content = async () => {\n  data.order.status = "s${k + 1}";${k === n - 1 ? '\n  task.complete();' : ''}\n};\n`,
  }));
  return parseWorkspace({ steps, tasks: [{ name: 'order', data: { order: { status: 's0' } } }], limits: { maxSteps: n + 1 } });
}

export function sharedPathCases(): BenchCase[] {
  return [10, 100, 1000].map((n) => {
    const workspace = sharedPathWorkspace(n);
    const steps = loadSteps(workspace);
    const program = compileNaive(
      Array.from({ length: n }, (_, k) => ({
        query: { 'order.status': `s${k}` },
        content: (data, control) => {
          data.order.status = `s${k + 1}`;
          if (k === n - 1) control.complete();
        },
      })),
    );
    return {
      workload: 'shared-path',
      n,
      budgetMs: n >= 1000 ? 2000 : 800,
      steplab: () => timed(n, () => runToEnd(createAppRun(workspace, steps))),
      naive: () => timed(n, () => runNaive(program, [{ order: { status: 's0' } }])),
    };
  });
}
