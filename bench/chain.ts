// `npm run bench [-- --json]`: step runs per second on a chain of N steps, each enabling the
// next, for Steplab's engine (trace on), a naive loop that re-tests every compiled sift
// condition after each step, and json-rules-engine used the same way. Same process, same work.
import { Engine } from 'json-rules-engine';
import * as siftNamespace from 'sift';
import { createRun, loadSteps } from '../src/engine/createRun.ts';
import { parseWorkspace } from '../src/engine/workspace.ts';

type SiftLib = typeof siftNamespace;
const sift: SiftLib = '$all' in siftNamespace ? siftNamespace : (siftNamespace as unknown as { default: SiftLib }).default;
const host = { yieldMacrotask: () => new Promise<void>((resolve) => setImmediate(resolve)) };
const SIZES = [10, 100, 1000];

/**
 * Step k waits for `chain.sk`, clears it and sets `chain.s(k+1)`: a token passed down the chain,
 * so the data stays the same size and only the number of steps grows.
 */
function chainWorkspace(n: number) {
  const steps = Array.from({ length: n }, (_, k) => ({
    name: `s${k}`,
    source: `export const condition = { chain: { s${k}: true } };\nexport const content = async () => {\n  delete data.chain.s${k};\n  data.chain.s${k + 1} = true;${k === n - 1 ? '\n  task.complete();' : ''}\n};\n`,
  }));
  return parseWorkspace({ steps, tasks: [{ name: 'chain', data: { chain: { s0: true } } }], limits: { maxSteps: n + 1 } });
}

// Each runner returns the milliseconds its steps took; loading and compiling are left out for all three.
const loaded = new Map<number, { workspace: ReturnType<typeof chainWorkspace>; steps: ReturnType<typeof loadSteps> }>();
async function steplab(n: number): Promise<number> {
  if (!loaded.has(n)) {
    const workspace = chainWorkspace(n);
    loaded.set(n, { workspace, steps: loadSteps(workspace) });
  }
  const { workspace, steps } = loaded.get(n)!;
  const run = createRun(workspace, { host, steps });
  const start = performance.now();
  await run.runUntil();
  const ms = performance.now() - start;
  const ended = run.events[run.events.length - 1];
  if (ended.kind !== 'task-ended' || ended.status !== 'done') throw new Error('steplab chain broke');
  return ms;
}

async function naive(n: number): Promise<number> {
  const testers = Array.from({ length: n }, (_, k) => sift.createQueryTester({ [`chain.s${k}`]: true }));
  const contents = Array.from({ length: n }, (_, k) => async (data: { chain: Record<string, boolean> }) => {
    delete data.chain[`s${k}`];
    data.chain[`s${k + 1}`] = true;
  });
  const data = { chain: { s0: true } as Record<string, boolean> };
  const ran = new Array<boolean>(n).fill(false);
  let runs = 0;
  const start = performance.now();
  for (;;) {
    // Like the engine, it finds the whole ready set: every condition is tested after every step.
    let next = -1;
    for (let k = 0; k < n; k++) if (testers[k](data) && !ran[k] && next < 0) next = k;
    if (next < 0) break;
    ran[next] = true;
    await contents[next](data);
    runs++;
  }
  if (runs !== n) throw new Error('naive chain broke');
  return performance.now() - start;
}

async function jsonRules(n: number): Promise<number> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (let k = 0; k < n; k++) {
    engine.addRule({
      name: `s${k}`,
      priority: 1,
      conditions: { all: [{ fact: `s${k}`, operator: 'equal', value: true }, { fact: `ran${k}`, operator: 'notEqual', value: true }] },
      event: { type: 'step', params: { k } },
    });
  }
  const facts: Record<string, boolean> = { s0: true };
  let runs = 0;
  const start = performance.now();
  for (;;) {
    const { events } = await engine.run(facts);
    if (events.length === 0) break;
    const k = (events[0].params as { k: number }).k;
    facts[`ran${k}`] = true;
    facts[`s${k}`] = false;
    facts[`s${k + 1}`] = true;
    runs++;
  }
  if (runs !== n) throw new Error('json-rules-engine chain broke');
  return performance.now() - start;
}

/** Repeats a chain until `budgetMs` of step time has passed and returns step runs per second. */
async function measure(fn: (n: number) => Promise<number>, n: number, budgetMs: number): Promise<number> {
  // Warm-up: a quarter of the budget, so every runner is measured in its steady state.
  for (let spent = 0; spent < budgetMs / 4; ) spent += await fn(n);
  let runs = 0;
  let ms = 0;
  const started = performance.now();
  do {
    ms += await fn(n);
    runs += n;
  } while (ms < budgetMs && performance.now() - started < budgetMs * 4);
  return runs / (ms / 1000);
}

const json = process.argv.includes('--json');
const rows: { n: number; steplab: number; naive: number; jsonRulesEngine: number }[] = [];
for (const n of SIZES) {
  const budget = n >= 1000 ? 2500 : 800;
  rows.push({ n, steplab: await measure(steplab, n, budget), naive: await measure(naive, n, budget), jsonRulesEngine: await measure(jsonRules, n, n >= 1000 ? 4000 : budget) });
}
if (json) {
  process.stdout.write(`${JSON.stringify({ workload: 'chain', rows: rows.map((r) => ({ n: r.n, steplab: Math.round(r.steplab), naive: Math.round(r.naive), jsonRulesEngine: Math.round(r.jsonRulesEngine) })) })}\n`);
} else {
  const fmt = (v: number) => Math.round(v).toLocaleString('en-US').padStart(10);
  console.log('chain of N steps, step runs per second (higher is better)\n');
  console.log('     N    steplab      naive  json-rules  steplab/naive  steplab/json-rules');
  for (const r of rows) {
    console.log(`${String(r.n).padStart(6)} ${fmt(r.steplab)} ${fmt(r.naive)} ${fmt(r.jsonRulesEngine)} ${(r.steplab / r.naive).toFixed(1).padStart(13)}× ${(r.steplab / r.jsonRulesEngine).toFixed(1).padStart(18)}×`);
  }
  const flat = rows[0].steplab / rows[rows.length - 1].steplab;
  console.log(`\nsteplab per-step cost at N=${rows[rows.length - 1].n} is ${flat.toFixed(2)}× that at N=${rows[0].n}`);
}
