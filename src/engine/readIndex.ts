// Which steps must be re-tested after a change: only those whose condition reads a changed
// path, plus every dynamic condition. This keeps a step's cost flat as the step count grows.
import type { LoadedStep } from './loadStep.ts';
import { pathsOverlap, type PathKey } from './paths.ts';

export interface ReadIndex {
  /** Steps to re-test after these changed paths; `null` means everything changed. */
  affected(changed: PathKey[][] | null): Iterable<number>;
  testable: number[];
}

export function createReadIndex(steps: LoadedStep[]): ReadIndex {
  const byTopKey = new Map<string, number[]>();
  const always: number[] = [];
  const testable: number[] = [];
  for (const step of steps) {
    if (!step.valid || !step.enabled) continue;
    testable.push(step.index);
    const reads = step.staticCondition?.reads;
    if (!reads || reads.some((path) => path.length === 0)) {
      always.push(step.index);
      continue;
    }
    for (const key of new Set(reads.map((path) => String(path[0])))) {
      const list = byTopKey.get(key) ?? [];
      list.push(step.index);
      byTopKey.set(key, list);
    }
  }
  return {
    testable,
    affected(changed) {
      if (changed === null || changed.some((path) => path.length === 0)) return testable;
      const out = new Set<number>(always);
      for (const path of changed) {
        for (const index of byTopKey.get(String(path[0])) ?? []) {
          if (out.has(index)) continue;
          const reads = steps[index].valid ? (steps[index] as { staticCondition: { reads: PathKey[][] } }).staticCondition.reads : [];
          if (reads.some((read) => pathsOverlap(read, path))) out.add(index);
        }
      }
      return out;
    },
  };
}
