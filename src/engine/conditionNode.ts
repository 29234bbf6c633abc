// A compiled condition's tree, and the walks over it: test, explain, leaf verdicts and reads.
import { formatPath, getAt, type PathKey } from './paths.ts';

/** One checked leaf of a condition, as shown by "why did / didn't this step run". */
export interface LeafResult {
  path: string;
  expected: string;
  actual: unknown;
  pass: boolean;
  /** Set for leaves inside `$or`/`$and`/`$nor`, e.g. `$or[1]`. */
  via?: string;
}

/**
 * `equalities`: scalar leaves (`status: "new"`, strict `===` on the value at the path, so an array
 * holding "new" is not "new") outside any `$or`/`$and`/`$nor`. `others`: every other read path,
 * leaves inside groups included.
 */
export interface ConditionIndexing {
  equalities: { path: PathKey[]; value: string | number | boolean }[];
  others: PathKey[][];
}

export type Node =
  | { type: 'leaf'; path: PathKey[]; expected: string; test: (value: unknown) => boolean; equals?: string | number | boolean }
  | { type: 'all'; children: Node[] }
  | { type: 'group'; op: '$or' | '$and' | '$nor'; branches: Node[] };

/** A leaf whose test cannot throw: a comparison that makes no sense (`[] > {}`) is simply no match. */
export function leaf(path: PathKey[], expected: string, test: (value: unknown) => boolean, equals?: string | number | boolean): Node {
  const safe = (value: unknown) => {
    try {
      return test(value);
    } catch {
      return false;
    }
  };
  // `===` cannot throw, so an equality keeps its bare test: it is the hottest leaf there is.
  return equals === undefined ? { type: 'leaf', path, expected, test: safe } : { type: 'leaf', path, expected, test, equals };
}

export function testNode(node: Node, data: unknown): boolean {
  switch (node.type) {
    case 'leaf':
      return node.test(getAt(data, node.path));
    case 'all':
      return node.children.every((child) => testNode(child, data));
    case 'group': {
      const passes = (b: Node) => testNode(b, data);
      if (node.op === '$or') return node.branches.some(passes);
      if (node.op === '$and') return node.branches.every(passes);
      return !node.branches.some(passes);
    }
  }
}

export function explainNode(node: Node, data: unknown, via: string | undefined): LeafResult[] {
  switch (node.type) {
    case 'leaf': {
      const actual = getAt(data, node.path);
      const result: LeafResult = { path: formatPath(node.path), expected: node.expected, actual, pass: node.test(actual) };
      if (via) result.via = via;
      return [result];
    }
    case 'all':
      return node.children.flatMap((child) => explainNode(child, data, via));
    case 'group':
      return node.branches.flatMap((branch, i) => explainNode(branch, data, `${via ? `${via} ` : ''}${node.op}[${i}]`));
  }
}

/** Each leaf's pass, in `explainNode`'s order, pushed onto `into`. */
export function verdictsOf(node: Node, data: unknown, into: boolean[]): boolean[] {
  if (node.type === 'leaf') into.push(node.test(getAt(data, node.path)));
  else if (node.type === 'all') for (const child of node.children) verdictsOf(child, data, into);
  else for (const branch of node.branches) verdictsOf(branch, data, into);
  return into;
}

export function collectReads(node: Node): PathKey[][] {
  if (node.type === 'leaf') return [node.path];
  if (node.type === 'all') return node.children.flatMap(collectReads);
  return node.branches.flatMap(collectReads);
}

/** Top-level conjuncts that are scalar equalities, and every other read (groups read as a whole). */
export function splitReads(root: Node): ConditionIndexing {
  const equalities: ConditionIndexing['equalities'] = [];
  const others: PathKey[][] = [];
  const walk = (node: Node): void => {
    if (node.type === 'all') node.children.forEach(walk);
    else if (node.type === 'leaf' && node.equals !== undefined) equalities.push({ path: node.path, value: node.equals });
    else others.push(...collectReads(node));
  };
  walk(root);
  return { equalities, others: dedupePaths(others) };
}

export function dedupePaths(paths: PathKey[][]): PathKey[][] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = p.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
