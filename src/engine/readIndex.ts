// Which steps must be re-tested after a change. A trie of read paths finds the conditions that
// read a path overlapping a changed one, so a step's cost stays flat as the number of steps
// grows. Where many steps wait on one path for different values (`status: "sK"`), each trie node
// also keeps Rete's alpha memory: expected value → steps. A verdict depends only on the truth of
// its leaves, and an equality leaf's truth changes only when the old or the new value at its path
// is its literal, so a change there re-tests just the steps waiting for either value. Leaves
// inside $or/$and/$nor stay plain readers (compileCondition's splitReads), the cautious choice.
// Dynamic conditions (they read `data` at run time) are re-tested every time.
import type { LoadedStep } from './loadStep.ts';
import { getAt, type PathKey } from './paths.ts';

export interface ReadIndex {
  /**
   * Steps to re-test after these changed paths, in step order; `null` means everything changed.
   * `before` is the data every verdict was last computed on, `after` the data now; both must be
   * unchanged since (the engine's data is copy-on-write). Consume the result before calling again.
   */
  affected(changed: PathKey[][] | null, before: unknown, after: unknown): Iterable<number>;
  /** Whether no value is read by value at or below this path, so `before` need not keep it (jsonDraft's in-place changes). */
  inPlaceAt(path: readonly string[]): boolean;
  testable: number[];
}

interface TrieNode {
  path: PathKey[];
  /** Steps that read this path in a way the value map cannot answer. */
  readers: number[];
  /** Steps whose condition needs exactly this value here (a top-level conjunct), by value. */
  byValue: Map<unknown, number[]> | null;
  children: Map<string, TrieNode>;
}

const newNode = (path: PathKey[]): TrieNode => ({ path, readers: [], byValue: null, children: new Map() });

const cache = new WeakMap<LoadedStep[], ReadIndex>();

/** The read index of a set of loaded steps, built once and shared by every run of them. */
export function readIndexFor(steps: LoadedStep[]): ReadIndex {
  let index = cache.get(steps);
  if (!index) cache.set(steps, (index = createReadIndex(steps)));
  return index;
}

export function createReadIndex(steps: LoadedStep[]): ReadIndex {
  const root = newNode([]);
  const always: number[] = [];
  const testable: number[] = [];
  const nodeAt = (path: PathKey[]) => {
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const key = String(path[i]);
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = newNode(path.slice(0, i + 1))));
      node = next;
    }
    return node;
  };
  for (const step of steps) {
    if (!step.valid || !step.enabled) continue;
    testable.push(step.index);
    const indexing = step.staticCondition?.indexing;
    if (!indexing) {
      always.push(step.index);
      continue;
    }
    for (const path of indexing.others) nodeAt(path).readers.push(step.index);
    for (const { path, value } of indexing.equalities) {
      const node = nodeAt(path);
      node.byValue ??= new Map();
      const waiting = node.byValue.get(value);
      if (waiting) waiting.push(step.index);
      else node.byValue.set(value, [step.index]);
    }
  }

  // Reused between calls: the caller consumes the result before asking again. `seen[i] === epoch`
  // marks step i as already in `out`, which saves a Set and a sort on the hot path.
  const out: number[] = [];
  const seen = new Uint32Array(steps.length);
  let epoch = 0;
  let before: unknown;
  let after: unknown;

  const add = (i: number) => {
    if (seen[i] === epoch) return;
    seen[i] = epoch;
    out.push(i);
  };

  function visit(node: TrieNode): void {
    for (const i of node.readers) add(i);
    if (node.byValue === null) return;
    const old = getAt(before, node.path);
    const now = getAt(after, node.path);
    // Same value: every equality here holds or fails as it did.
    if (old === now) return;
    const lost = node.byValue.get(old);
    if (lost) for (const i of lost) add(i);
    const gained = node.byValue.get(now);
    if (gained) for (const i of gained) add(i);
  }

  function collect(node: TrieNode): void {
    visit(node);
    for (const child of node.children.values()) collect(child);
  }

  /** Whether a node or any node below it keeps values (memoized: the trie is fixed once built). */
  const byValueBelow = new Map<TrieNode, boolean>();
  const valuesAtOrBelow = (node: TrieNode): boolean => {
    let known = byValueBelow.get(node);
    if (known === undefined) {
      known = node.byValue !== null || [...node.children.values()].some(valuesAtOrBelow);
      byValueBelow.set(node, known);
    }
    return known;
  };

  return {
    testable,
    inPlaceAt(path) {
      let node: TrieNode | undefined = root;
      for (const key of path) {
        node = node.children.get(key);
        if (!node) return true;
      }
      return !valuesAtOrBelow(node);
    },
    affected(changed, dataBefore, dataAfter) {
      if (changed === null) return testable;
      out.length = 0;
      if (++epoch === 0xffffffff) {
        seen.fill(0);
        epoch = 1;
      }
      before = dataBefore;
      after = dataAfter;
      for (const i of always) add(i);
      for (const changedPath of changed) {
        // An array's new length drops (or adds) elements the patch does not name: count the whole array as changed.
        const path = changedPath[changedPath.length - 1] === 'length' ? changedPath.slice(0, -1) : changedPath;
        // Readers of a prefix of the changed path (a change below what they read)…
        let node: TrieNode | undefined = root;
        for (const key of path) {
          visit(node);
          node = node.children.get(String(key));
          if (!node) break;
        }
        // …and readers at or below it (what they read was replaced as a whole).
        if (node) collect(node);
      }
      before = after = undefined;
      // In step order, so flips and condition errors are recorded as a full re-test records them.
      return out.length < 2 ? out : sortSmall(out);
    },
  };
}

/** Sorts ascending in place: insertion sort for the usual handful, the built-in sort beyond. */
function sortSmall(list: number[]): number[] {
  if (list.length > 16) return list.sort((a, b) => a - b);
  for (let i = 1; i < list.length; i++) {
    const v = list[i];
    let j = i - 1;
    while (j >= 0 && list[j] > v) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = v;
  }
  return list;
}
