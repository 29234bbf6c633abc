// `npm run bench -- --against <git revision> [--only chain,…]`: this tree's engine and that
// revision's, measured side by side by this same bench. Each workload alternates between the two
// bundles (this, that, that, this, this, that) and each side keeps its best figure, so a change
// in the machine's speed during the run (other load on a shared machine) hits both sides alike.
// Two identical engines still differ by up to 30 % on this machine: read smaller ratios as noise.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from './run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = 3;

/** A worktree of `revision` with this bench and these examples in it, bundled; removed by cleanup. */
export async function prepareAgainst(
  revision: string,
  bundleBench: (entry: string, outfile: string) => Promise<void>,
): Promise<{ bundle: string; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'steplab-against-'));
  execFileSync('git', ['worktree', 'add', '--detach', '--force', dir, revision], { cwd: root, stdio: 'ignore' });
  const cleanup = () => {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Same workloads on both sides: only src/ differs, and the worker's hooks that appHooks.ts
    // mirrors, which are that revision's own (they change with the worker, as the wire did).
    const ownHooks = existsSync(join(dir, 'bench/appHooks.ts'));
    const copied = (path: string) => !path.includes('.build') && !(ownHooks && path.endsWith('appHooks.ts'));
    cpSync(join(root, 'bench'), join(dir, 'bench'), { recursive: true, filter: copied });
    cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const bundle = join(dir, 'bench/.build/bench.mjs');
    await bundleBench(join(dir, 'bench/run.ts'), bundle);
    return { bundle, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

export interface Pair {
  name: string;
  n: number;
  example?: string;
  this: number;
  that: number;
  naive: number | null;
}

const keyOf = (r: Row) => `${r.name}\u0000${r.example ?? ''}\u0000${r.n}`;

/** Runs each workload ROUNDS times on each side, alternating; the best figure of each side. */
export function sideBySide(names: string[], measure: (name: string, side: 'this' | 'that') => Row[]): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const name of names) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? (['this', 'that'] as const) : (['that', 'this'] as const)) {
        for (const row of measure(name, side)) {
          const pair = pairs.get(keyOf(row)) ?? { name: row.name, n: row.n, example: row.example, this: 0, that: 0, naive: null };
          pair[side] = Math.max(pair[side], row.steplab);
          if (row.naive !== null) pair.naive = Math.max(pair.naive ?? 0, row.naive);
          pairs.set(keyOf(row), pair);
        }
      }
    }
  }
  return [...pairs.values()];
}

export function printSideBySide(pairs: Pair[], revision: string): void {
  const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US')).padStart(11);
  console.log(`step runs per second, this tree against ${revision}, side by side (best of ${ROUNDS} alternating rounds each)\n`);
  console.log(
    `${'workload'.padEnd(30)}${'N'.padStart(7)}${'this'.padStart(11)}${revision.slice(0, 10).padStart(11)}${'this÷that'.padStart(11)}${'naive'.padStart(11)}`,
  );
  for (const p of pairs) {
    const label = p.example ? `${p.name} ${p.example.replace(/\.json$/, '')}` : p.name;
    console.log(`${label.padEnd(30)}${String(p.n).padStart(7)}${num(p.this)}${num(p.that)}${`${(p.this / p.that).toFixed(2)}×`.padStart(11)}${num(p.naive)}`);
  }
}
