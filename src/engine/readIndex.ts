// Which steps must be re-tested after a change: only those whose condition reads a path that
// overlaps a changed path, plus every dynamic condition. A trie of read paths keeps a step's
// cost flat as the number of steps grows.
import type { LoadedStep } from './loadStep.ts';
import type { PathKey } from './paths.ts';

export interface ReadIndex {
  /** Steps to re-test after these changed paths, in step order; `null` means everything changed. Consume it before calling again. */
  affected(changed: PathKey[][] | null): Iterable<number>;
  testable: number[];
}

interface TrieNode {
  readers: number[];
  children: Map<string, TrieNode>;
}

const newNode = (): TrieNode => ({ readers: [], children: new Map() });

const cache = new WeakMap<LoadedStep[], ReadIndex>();

/** The read index of a set of loaded steps, built once and shared by every run of them. */
export function readIndexFor(steps: LoadedStep[]): ReadIndex {
  let index = cache.get(steps);
  if (!index) cache.set(steps, (index = createReadIndex(steps)));
  return index;
}

export function createReadIndex(steps: LoadedStep[]): ReadIndex {
  const root = newNode();
  const always: number[] = [];
  const testable: number[] = [];
  for (const step of steps) {
    if (!step.valid || !step.enabled) continue;
    testable.push(step.index);
    const reads = step.staticCondition?.reads;
    if (!reads) {
      always.push(step.index);
      continue;
    }
    for (const path of reads) {
      let node = root;
      for (const key of path) {
        let next = node.children.get(String(key));
        if (!next) node.children.set(String(key), (next = newNode()));
        node = next;
      }
      node.readers.push(step.index);
    }
  }
  // Reused between calls: the caller consumes the result before asking again.
  const out = new Set<number>();
  return {
    testable,
    affected(changed) {
      if (changed === null) return testable;
      out.clear();
      for (const i of always) out.add(i);
      for (const changedPath of changed) {
        // An array's new length drops (or adds) elements the patch does not name: count the whole array as changed.
        const path = changedPath[changedPath.length - 1] === 'length' ? changedPath.slice(0, -1) : changedPath;
        // Readers of a prefix of the changed path (a change below what they read)…
        let node: TrieNode | undefined = root;
        for (const key of path) {
          for (const i of node.readers) out.add(i);
          node = node.children.get(String(key));
          if (!node) break;
        }
        // …and readers at or below it (what they read was replaced as a whole).
        if (node) collect(node, out);
      }
      // In step order, so flips and condition errors are recorded as a full re-test records them.
      return out.size < 2 ? out : [...out].sort((a, b) => a - b);
    },
  };
}

function collect(node: TrieNode, out: Set<number>): void {
  for (const i of node.readers) out.add(i);
  for (const child of node.children.values()) collect(child, out);
}
