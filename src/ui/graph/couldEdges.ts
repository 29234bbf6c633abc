// "Could" edges, grouped by path. A writes a path that B's condition reads, so B could follow A.
// When many steps share a field (200 steps all on `order.status`), every pair qualifies: building
// an edge per pair is O(steps²) (about 40,000 for 200 steps) and crashed the tab. Instead each
// step keeps one group per path, holding the steps on the other end; the graph draws every edge
// only for steps with a few of them, one summary edge per path for the rest, and every edge of
// the selected or hovered step. The groups share their step lists, so the index stays O(steps).
import type { StepCheck } from '../../engine/checkSteps.ts';
import { dotPathsOverlap } from '../../engine/paths.ts';

/** Steps with at most this many "could" successors show them all; beyond it, one per path. */
export const FEW = 4;

export interface CouldGroup {
  /** The path as the reading step's condition names it. */
  path: string;
  /** The steps on the other end, in list order (may include the step itself: skip it). */
  steps: readonly number[];
}

export interface CouldIndex {
  /** Per step: the paths it writes that other conditions read, with the steps reading each. */
  out: CouldGroup[][];
  /** Per step: the paths its condition reads, with the steps writing each. */
  into: CouldGroup[][];
}

export interface CouldPair {
  from: number;
  to: number;
  path: string;
  /** Set on a summary edge: how many steps this one stands for, itself included. */
  more?: number;
}

export function couldIndex(checks: readonly (StepCheck | undefined)[]): CouldIndex {
  const readers = new Map<string, number[]>();
  checks.forEach((c, i) => c?.reads.forEach((path) => (readers.get(path) ?? readers.set(path, []).get(path)!).push(i)));
  const writers = new Map<string, number[]>();
  for (const path of readers.keys())
    writers.set(
      path,
      checks.flatMap((c, i) => (c?.writes.some((w) => dotPathsOverlap(path, w)) ? [i] : [])),
    );
  const out: CouldGroup[][] = checks.map(() => []);
  for (const [path, steps] of readers) for (const i of writers.get(path)!) out[i].push({ path, steps });
  const into = checks.map((c): CouldGroup[] => (c ? c.reads.map((path) => ({ path, steps: writers.get(path)! })) : []));
  return { out, into };
}

/** Every pair of one step's groups, each pair once, labelled with the first path that links it. */
function pairsOf(groups: readonly CouldGroup[], self: number, direction: 'out' | 'into', limit = Infinity): CouldPair[] {
  const seen = new Set<number>();
  const pairs: CouldPair[] = [];
  for (const { path, steps } of groups) {
    for (const other of steps) {
      if (other === self || seen.has(other)) continue;
      seen.add(other);
      pairs.push(direction === 'out' ? { from: self, to: other, path } : { from: other, to: self, path });
      if (pairs.length > limit) return pairs;
    }
  }
  return pairs;
}

/**
 * The pairs drawn with nothing selected: all of a step's successors when it has a few, otherwise
 * one edge per path to the next reader in list order (wrapping round), counting the rest.
 */
export function shownPairs(index: CouldIndex): CouldPair[] {
  const shown: CouldPair[] = [];
  index.out.forEach((groups, from) => {
    const few = pairsOf(groups, from, 'out', FEW);
    if (few.length <= FEW) return void shown.push(...few);
    const targets = new Set<number>();
    for (const { path, steps } of groups) {
      const others = steps.filter((s) => s !== from);
      const to = others.find((s) => s > from) ?? others[0];
      if (to === undefined || targets.has(to)) continue;
      targets.add(to);
      shown.push({ from, to, path, more: others.length });
    }
  });
  return shown;
}

/** Every "could" pair into and out of one step: what the graph adds while it is selected or hovered. */
export function pairsAround(index: CouldIndex, step: number): CouldPair[] {
  return [...pairsOf(index.out[step] ?? [], step, 'out'), ...pairsOf(index.into[step] ?? [], step, 'into')];
}
