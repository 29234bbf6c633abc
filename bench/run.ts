// `npm run bench [-- --json] [-- --only chain,large-data,cli]`: step runs per second (higher is
// better) for each workload in bench/workloads, for Steplab's engine as the app runs it (trace
// on, the worker's hooks; see appHooks.ts) and for the naive loop (naive.ts), which mutates in
// place with no drafts, patches or trace: a floor for the cost of the conditions themselves,
// not the same work. json-rules-engine is context, in `chain` only. `cli` (cli.ts) adds the
// per-step cost of large-data through the CLI at 100 and 5,000 rows.
//
// Each workload is measured in a process of its own, as JMH forks each benchmark: code the JIT
// specialised for one workload (or a heap grown by it) must not be charged to the next. The app
// does the same, in its own way: every run starts in a fresh engine worker. That process runs
// the engine bundled as the app ships it (esbuild, production), not through tsx, whose
// keep-names transform wraps every closure the engine creates in a defineProperty call.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './bundleForNode.ts';
import { measureCli, type CliFigures } from './cli.ts';
import { prepareAgainst, printSideBySide, sideBySide } from './against.ts';
import { chainCases } from './workloads/chain.ts';
import { allExamplesCase, exampleCases } from './workloads/examples.ts';
import { largeDataCases } from './workloads/largeData.ts';
import { manyTasksCases } from './workloads/manyTasks.ts';
import { sharedPathCases } from './workloads/sharedPath.ts';
import type { BenchCase, Runner } from './workloads/types.ts';

const NAIVE_NOTE =
  'naive: mutates task data in place, no drafts, patches, trace or data guard; re-tests every condition after every step run. Each figure is the fastest of 5 rounds';

const ROUNDS = 5;

/**
 * Warms up for a quarter of the budget, then measures ROUNDS rounds of budgetMs / ROUNDS each and
 * keeps the fastest round's rate. The work is deterministic, so other load on the machine can
 * only slow a round down: the fastest round is the least disturbed estimate of its cost.
 */
async function measure(runner: Runner, budgetMs: number): Promise<{ rate: number; runsPerCall: number }> {
  // Garbage left by the previous runner is collected first, not charged to this one
  // (`npm run bench` passes --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  let runsPerCall = 0;
  for (let spent = 0, calls = 0; spent < budgetMs / 4 || calls === 0; calls++) {
    const r = await runner();
    spent += r.ms;
    runsPerCall = r.runs;
  }
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let runs = 0;
    let ms = 0;
    do {
      const r = await runner();
      runs += r.runs;
      ms += r.ms;
    } while (ms < budgetMs / ROUNDS);
    best = Math.max(best, runs / (ms / 1000));
  }
  return { rate: best, runsPerCall };
}

const WORKLOADS: Record<string, () => BenchCase[]> = {
  chain: chainCases,
  'shared-path': sharedPathCases,
  'large-data': largeDataCases,
  examples: () => {
    const cases = exampleCases();
    return [...cases, allExamplesCase(cases)];
  },
  'many-tasks': manyTasksCases,
};

export interface Row {
  name: string;
  n: number;
  example?: string;
  steplab: number;
  naive: number | null;
  jsonRulesEngine?: number;
}

/** Measures one workload in this process (`--in-process`), printing its rows as JSON. */
async function measureHere(name: string, json: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const make = WORKLOADS[name];
  for (const c of make()) {
    const steplab = await measure(c.steplab, c.budgetMs);
    const naive = c.naive ? (await measure(c.naive, c.budgetMs)).rate : null;
    const row: Row = { name: c.workload, n: c.n || steplab.runsPerCall, steplab: Math.round(steplab.rate), naive: naive === null ? null : Math.round(naive) };
    if (c.label) row.example = c.label;
    if (c.jsonRulesEngine) row.jsonRulesEngine = Math.round((await measure(c.jsonRulesEngine, c.budgetMs)).rate);
    rows.push(row);
    if (!json) process.stderr.write(`  measured ${row.name} ${row.example ?? ''} n=${row.n}\n`);
  }
  return rows;
}

const BUNDLE = fileURLToPath(new URL('./.build/bench.mjs', import.meta.url));

/** This file and the engine, bundled for production into bench/.build (examples/ resolves from there too). */
async function bundleBench(entry = fileURLToPath(import.meta.url), outfile = BUNDLE): Promise<void> {
  await bundleForNode(entry, outfile);
}

/** Measures one workload in a fresh process of its own, running the bundle. */
function measureInChild(name: string, json: boolean, bundle = BUNDLE): Row[] {
  const out = execFileSync(process.execPath, ['--expose-gc', bundle, '--in-process', name, ...(json ? ['--json'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out) as Row[];
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const here = args.indexOf('--in-process');
  if (here >= 0) {
    process.stdout.write(JSON.stringify(await measureHere(args[here + 1], json)));
    return;
  }
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : [...Object.keys(WORKLOADS), 'cli'];
  for (const name of only) {
    if (name !== 'cli' && !WORKLOADS[name]) throw new Error(`no workload named ${name}; the workloads are ${Object.keys(WORKLOADS).join(', ')}`);
  }
  const rows: Row[] = [];
  await bundleBench();
  const againstAt = args.indexOf('--against');
  if (againstAt >= 0) {
    const names = only.filter((n) => n !== 'cli');
    const other = await prepareAgainst(args[againstAt + 1], bundleBench);
    try {
      const pairs = sideBySide(names, (name, side) => measureInChild(name, true, side === 'this' ? BUNDLE : other.bundle));
      if (json) process.stdout.write(`${JSON.stringify({ unit: 'step runs per second', against: args[againstAt + 1], workloads: pairs })}\n`);
      else printSideBySide(pairs, args[againstAt + 1]);
    } finally {
      other.cleanup();
    }
    return;
  }
  for (const name of only) if (name !== 'cli') rows.push(...measureInChild(name, json));
  const cli = only.includes('cli') ? measureCli() : undefined;
  if (json) process.stdout.write(`${JSON.stringify({ unit: 'step runs per second', note: NAIVE_NOTE, workloads: rows, cli })}\n`);
  else printTable(rows, cli);
}

function printTable(rows: Row[], cli: CliFigures | undefined) {
  const num = (v: number | null | undefined, w = 10) => (v == null ? '—' : Math.round(v).toLocaleString('en-US')).padStart(w);
  console.log(`step runs per second (higher is better); ${NAIVE_NOTE}\n`);
  console.log(
    `${'workload'.padEnd(30)}${'N'.padStart(7)}${'steplab'.padStart(10)}${'naive'.padStart(10)}${'÷naive'.padStart(8)}${'µs/step'.padStart(9)}  json-rules`,
  );
  for (const r of rows) {
    const label = r.example ? `${r.name} ${r.example.replace(/\.json$/, '')}` : r.name;
    const ratio = r.naive ? `${(r.steplab / r.naive).toFixed(2)}×` : '—';
    console.log(
      `${label.padEnd(30)}${num(r.n, 7)}${num(r.steplab)}${num(r.naive)}${ratio.padStart(8)}${(1e6 / r.steplab).toFixed(1).padStart(9)}  ${r.jsonRulesEngine ? num(r.jsonRulesEngine) : ''}`,
    );
  }
  const per = (name: string, n: number) => rows.find((r) => r.name === name && r.n === n && !r.example);
  const ratioLine = (name: string, lo: number, hi: number) => {
    const a = per(name, lo);
    const b = per(name, hi);
    if (a && b) console.log(`${name}: per-step cost at N=${hi} is ${(a.steplab / b.steplab).toFixed(2)}× that at N=${lo}`);
  };
  console.log('');
  ratioLine('large-data', 100, 5000);
  ratioLine('shared-path', 10, 1000);
  ratioLine('chain', 10, 1000);
  const many = rows.find((r) => r.name === 'many-tasks');
  if (many) console.log(`many-tasks: ${many.n} tasks × 3 steps take ${(((3 * many.n + 1) / many.steplab) * 1000).toFixed(1)} ms`);
  if (cli) console.log(`CLI, large-data: ${cli.rows.map((r) => `${r.usPerStep} µs per step at ${r.n} rows`).join(', ')}; ${cli.ratio}× at 5,000 rows`);
}

await main();
