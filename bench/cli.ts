// Per-step cost of the large-data workload through the CLI (built as `npm run cli:build` ships it:
// a sandboxed child runs the engine, the parent prints the whole trace), at 100 and 5,000 rows.
// Process start-up cancels out: each size is run with few and with many step runs, and the
// per-step cost is the difference in wall time divided by the difference in step runs (the
// fastest of a few tries). Through tsx, start-up alone varied by more than 1,000 steps cost.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeDataJson } from './workloads/largeData.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(root, 'node_modules/tsx/dist/cli.mjs');
const CLI = join(root, 'dist-cli/steplab.mjs');
const FEW = 100;
const MANY = 3100;
const TRIES = 5;

function wallMs(file: string, runs: number): number {
  const start = performance.now();
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'run', file, '--json'], { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8' });
  } catch (error) {
    // Exit code 1: the run ended in error; its JSON result (with the reason) is still on stdout.
    out = String((error as { stdout?: unknown }).stdout ?? '{}');
  }
  const ms = performance.now() - start;
  const result = JSON.parse(out || '{}') as { status?: string; error?: { message?: string }; events?: { kind: string }[] };
  const started = (result.events ?? []).filter((e) => e.kind === 'step-started').length;
  if (result.status !== 'done' || started !== runs) {
    throw new Error(
      `the CLI run of ${file} ended ${result.status} (${result.error?.message ?? 'no error'}) after ${started} step runs, expected done after ${runs}`,
    );
  }
  return ms;
}

/** Microseconds per step run through the CLI at `rows` rows. */
export function cliPerStepUs(rows: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'steplab-bench-'));
  try {
    const files = [FEW, MANY].map((runs) => {
      const file = join(dir, `rows${rows}-runs${runs}.json`);
      const workspace = largeDataJson(rows, runs);
      // A generous step limit: the CLI's watchdog counts wall time, which a busy machine stretches.
      writeFileSync(file, JSON.stringify({ ...workspace, limits: { ...workspace.limits, stepTimeoutMs: 60_000 } }));
      return file;
    });
    const few: number[] = [];
    const many: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      few.push(wallMs(files[0], FEW));
      many.push(wallMs(files[1], MANY));
    }
    return ((Math.min(...many) - Math.min(...few)) / (MANY - FEW)) * 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CliFigures {
  rows: { n: number; usPerStep: number }[];
  /** Per-step cost at 5,000 rows over that at 100 rows. */
  ratio: number;
}

export function measureCli(): CliFigures {
  // Run, not imported: `--against` bundles this bench in older trees too.
  execFileSync(process.execPath, [TSX, 'scripts/buildCli.ts'], { cwd: root, stdio: 'ignore' });
  const rows = [100, 5000].map((n) => ({ n, usPerStep: Math.round(cliPerStepUs(n) * 10) / 10 }));
  return { rows, ratio: Math.round((rows[1].usPerStep / rows[0].usPerStep) * 100) / 100 };
}
