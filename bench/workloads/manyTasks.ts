// `many-tasks`: 1,000 tasks of the sequential example (examples/sequential.json) in one run,
// interleaved on the virtual clock. A first step spawns them as subtasks; each then runs the
// example's three steps. The naive loop goes round-robin over 1,000 plain objects.
import { readFileSync } from 'node:fs';
import { loadSteps } from '../../src/engine/createRun.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { createAppRun, runToEnd } from '../appHooks.ts';
import { compileNaive, runNaive, type NaiveData } from '../naive.ts';
import { timed, type BenchCase } from './types.ts';

const TASKS = 1000;
const order = (i: number) => ({ order: { id: `A-${i}`, status: 'new', items: [{ sku: 'SKU-1', quantity: 2 }], customer: { email: 'ada@example.com' } } });

const SPAWN = `export const condition = { spawn: { $gt: 0 } };
export const content = async () => {
  for (let i = 0; i < data.spawn; i++) {
    task.subtask('order ' + i, { order: { id: 'A-' + i, status: 'new', items: [{ sku: 'SKU-1', quantity: 2 }], customer: { email: 'ada@example.com' } } });
  }
  data.spawn = 0;
};
`;

function manyTasksWorkspace() {
  const sequential = JSON.parse(readFileSync(new URL('../../examples/sequential.json', import.meta.url), 'utf8'));
  return parseWorkspace({
    ...sequential,
    steps: [{ name: 'Spawn orders', source: SPAWN }, ...sequential.steps],
    tasks: [{ name: 'spawner', data: { spawn: TASKS } }],
    limits: { ...sequential.limits, maxSteps: 4 * TASKS, maxSubtasks: TASKS },
  });
}

/** The sequential example's three steps, written for the naive loop. */
const naiveSequential = compileNaive([
  {
    query: { 'order.status': 'new' },
    content: (data) => {
      data.order.status = 'processing';
      data.order.startedAt = new Date().toISOString();
    },
  },
  {
    query: { 'order.status': 'processing' },
    content: (data) => {
      if (data.order.items.length > 0 && data.order.customer.email) {
        data.order.status = 'validated';
        data.order.validatedAt = new Date().toISOString();
      } else {
        data.order.status = 'invalid';
        data.order.errors = ['Missing items or customer email'];
      }
    },
  },
  {
    query: { 'order.status': 'validated' },
    content: (data, control) => {
      data.order.status = 'complete';
      data.order.completedAt = new Date().toISOString();
      control.complete();
    },
  },
]);

export function manyTasksCases(): BenchCase[] {
  const workspace = manyTasksWorkspace();
  const steps = loadSteps(workspace);
  return [
    {
      workload: 'many-tasks',
      n: TASKS,
      budgetMs: 1500,
      // 3 step runs per task, plus the one that spawns them.
      steplab: () => timed(3 * TASKS + 1, () => runToEnd(createAppRun(workspace, steps))),
      naive: () => {
        const datas: NaiveData[] = Array.from({ length: TASKS }, (_, i) => order(i));
        return timed(3 * TASKS, () => runNaive(naiveSequential, datas));
      },
    },
  ];
}
