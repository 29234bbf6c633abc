// Compiles an ALOMA condition (a subtree pattern) into a tester and a leaf-by-leaf explainer.
import { describePattern } from './describeValue.ts';
import { formatPath, getAt, type PathKey } from './paths.ts';
import { createOperatorTester, isSiftOperator } from './siftOperators.ts';

/** One checked leaf of a condition, as shown by "why did / didn't this step run". */
export interface LeafResult {
  path: string;
  expected: string;
  actual: unknown;
  pass: boolean;
  /** Set for leaves inside `$or`/`$and`/`$nor`, e.g. `$or[1]`. */
  via?: string;
}

export interface CompiledCondition {
  test(data: unknown): boolean;
  explain(data: unknown): LeafResult[];
  /** Data paths the condition reads; a change elsewhere cannot change its verdict. */
  reads: PathKey[][];
}

/** A condition that cannot be compiled; names the path and, where relevant, the operator. */
export class ConditionError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly operator: string | null = null,
  ) {
    super(message);
    this.name = 'ConditionError';
  }
}

type Node =
  | { type: 'leaf'; path: PathKey[]; expected: string; test: (value: unknown) => boolean }
  | { type: 'all'; children: Node[] }
  | { type: 'group'; op: '$or' | '$and' | '$nor'; branches: Node[] };

const TYPE_TESTS = new Map<unknown, (v: unknown) => boolean>([
  [String, (v) => typeof v === 'string'],
  [Number, (v) => typeof v === 'number' && !Number.isNaN(v)],
  [Boolean, (v) => typeof v === 'boolean'],
  [Array, (v) => Array.isArray(v)],
  [Object, isPlainObject],
]);

const TYPE_NAME_TESTS: Record<string, (v: unknown) => boolean> = {
  string: TYPE_TESTS.get(String)!,
  number: TYPE_TESTS.get(Number)!,
  boolean: TYPE_TESTS.get(Boolean)!,
  array: TYPE_TESTS.get(Array)!,
  object: isPlainObject,
  null: (v) => v === null,
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Compiles a condition object. Throws ConditionError for an empty condition or a bad operator. */
export function compileCondition(condition: unknown): CompiledCondition {
  if (!isPlainObject(condition)) {
    throw new ConditionError('the condition must be an object literal, like { order: { status: "new" } }', '(root)');
  }
  if (Object.keys(condition).length === 0) {
    throw new ConditionError('the condition is empty: it must list at least one key to match', '(root)');
  }
  const root = compileNode(condition, []);
  const reads = dedupePaths(collectReads(root));
  return {
    test: (data) => testNode(root, data),
    explain: (data) => explainNode(root, data, undefined),
    reads,
  };
}

/** Explains every leaf of a condition against data. Leaves after a failing one are still checked. */
export function explain(condition: unknown, data: unknown): { match: boolean; leaves: LeafResult[] } {
  const compiled = compileCondition(condition);
  return { match: compiled.test(data), leaves: compiled.explain(data) };
}

function compileNode(pattern: unknown, path: PathKey[]): Node {
  if (isPlainObject(pattern)) return compileObject(pattern, path);
  return compileLeaf(pattern, path);
}

function compileObject(pattern: Record<string, unknown>, path: PathKey[]): Node {
  const keys = Object.keys(pattern);
  if (keys.length === 0) return leaf(path, '{}', isPlainObject);
  const children: Node[] = [];
  for (const key of keys) {
    const value = pattern[key];
    if (!key.startsWith('$')) children.push(compileNode(value, [...path, key]));
    else children.push(compileOperator(key, value, pattern, path));
  }
  return children.length === 1 ? children[0] : { type: 'all', children };
}

function compileOperator(op: string, param: unknown, owner: Record<string, unknown>, path: PathKey[]): Node {
  const where = formatPath(path);
  const fail = (message: string) => new ConditionError(`${op} at ${where}: ${message}`, where, op);
  switch (op) {
    case '$or':
    case '$and':
    case '$nor': {
      if (!Array.isArray(param) || param.length === 0) throw fail('expects a non-empty array of conditions');
      return { type: 'group', op, branches: param.map((branch) => compileNode(branch, path)) };
    }
    case '$not': {
      const inner = compileNode(param, []);
      return leaf(path, `$not ${describePattern(param)}`, (v) => !testNode(inner, v));
    }
    case '$elemMatch': {
      if (!isPlainObject(param)) throw fail('expects a condition object');
      const inner = compileNode(param, []);
      return leaf(path, `$elemMatch ${describePattern(param)}`, (v) => Array.isArray(v) && v.some((el) => testNode(inner, el)));
    }
    case '$type': {
      const test = typeof param === 'string' ? TYPE_NAME_TESTS[param] : TYPE_TESTS.get(param);
      if (!test) throw fail(`unknown type ${describePattern(param)}; use String, Number, Boolean, Array, Object or a name like "string"`);
      return leaf(path, `$type ${describePattern(param)}`, test);
    }
    case '$options':
      if (!('$regex' in owner)) throw fail('only makes sense next to $regex');
      return { type: 'all', children: [] };
    case '$where':
      throw fail('is not allowed: conditions cannot run code');
    default: {
      if (!isSiftOperator(op)) throw fail('unknown operator');
      const problem = checkOperatorParam(op, param);
      if (problem) throw fail(problem);
      const query: Record<string, unknown> = { [op]: param };
      if (op === '$regex' && '$options' in owner) query.$options = owner.$options;
      let tester: (v: unknown) => boolean;
      try {
        tester = createOperatorTester(query);
        tester(undefined);
      } catch {
        // sift's own messages describe its internals; say what the author can change instead.
        throw fail(`${describePattern(param)} is not a value ${op} can compare with`);
      }
      return leaf(path, `${op} ${describePattern(param)}`, tester);
    }
  }
}

/** sift accepts some nonsense silently (`$in: 5`), so shapes are checked here first. */
function checkOperatorParam(op: string, param: unknown): string | null {
  if ((op === '$in' || op === '$nin' || op === '$all') && !Array.isArray(param)) return 'expects an array of values';
  if (op === '$size' && (typeof param !== 'number' || !Number.isInteger(param) || param < 0)) return 'expects a whole number';
  if (op === '$mod' && !(Array.isArray(param) && param.length === 2 && param.every((n) => typeof n === 'number') && param[0] !== 0)) {
    return 'expects [divisor, remainder] with a non-zero divisor';
  }
  if (op === '$regex' && typeof param !== 'string' && !(param instanceof RegExp)) return 'expects a pattern string or a regex';
  if (op === '$exists' && typeof param !== 'boolean' && param !== 0 && param !== 1) return 'expects true or false';
  return null;
}

function compileLeaf(pattern: unknown, path: PathKey[]): Node {
  const expected = describePattern(pattern);
  if (pattern === null || pattern === undefined) return leaf(path, 'null', (v) => v === null || v === undefined);
  const typeTest = TYPE_TESTS.get(pattern);
  if (typeTest) return leaf(path, expected, typeTest);
  if (pattern instanceof RegExp) {
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    return leaf(path, expected, (v) => typeof v === 'string' && re.test(v));
  }
  if (Array.isArray(pattern)) {
    const items = pattern.map((item) => compileNode(item, []));
    return leaf(path, expected, (v) => Array.isArray(v) && items.every((item) => v.some((el) => testNode(item, el))));
  }
  if (typeof pattern === 'string' || typeof pattern === 'number' || typeof pattern === 'boolean') {
    return leaf(path, expected, (v) => v === pattern);
  }
  const where = formatPath(path);
  throw new ConditionError(`unsupported pattern ${expected} at ${where}: use a value, a type (String, Number, Boolean, Array, Object), a regex, an array or an object`, where);
}

/** A leaf whose test cannot throw: a comparison that makes no sense (`[] > {}`) is simply no match. */
function leaf(path: PathKey[], expected: string, test: (value: unknown) => boolean): Node {
  const safe = (value: unknown) => {
    try {
      return test(value);
    } catch {
      return false;
    }
  };
  return { type: 'leaf', path, expected, test: safe };
}

function testNode(node: Node, data: unknown): boolean {
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

function explainNode(node: Node, data: unknown, via: string | undefined): LeafResult[] {
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

function collectReads(node: Node): PathKey[][] {
  if (node.type === 'leaf') return [node.path];
  if (node.type === 'all') return node.children.flatMap(collectReads);
  return node.branches.flatMap(collectReads);
}

function dedupePaths(paths: PathKey[][]): PathKey[][] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = p.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
