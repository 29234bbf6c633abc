// Compiles an ALOMA condition (a subtree pattern) into a tester and a leaf-by-leaf explainer.
import { TYPE_NAME_TESTS, typePatternName, typeTestOf } from './conditionTypes.ts';
import { isPlainObject } from './plainValues.ts';
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
  /** Each leaf's verdict, in `explain`'s order, without building its description (coverage). */
  leafVerdicts(data: unknown, into: boolean[]): boolean[];
  /** Data paths the condition reads; a change elsewhere cannot change its verdict. */
  reads: PathKey[][];
  /** The same reads split for the scheduler's index (see readIndex.ts). */
  indexing: ConditionIndexing;
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
  | { type: 'leaf'; path: PathKey[]; expected: string; test: (value: unknown) => boolean; equals?: string | number | boolean }
  | { type: 'all'; children: Node[] }
  | { type: 'group'; op: '$or' | '$and' | '$nor'; branches: Node[] };

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
    leafVerdicts: (data, into) => verdictsOf(root, data, into),
    reads,
    indexing: splitReads(root),
  };
}

/** Explains every leaf of a condition against data. Leaves after a failing one are still checked. */
export function explain(condition: unknown, data: unknown): { match: boolean; leaves: LeafResult[] } {
  const compiled = compileCondition(condition);
  return { match: compiled.test(data), leaves: compiled.explain(data) };
}

/** Where an error is, as the author reads it: `order.total`, or the top level. */
const describeWhere = (path: readonly PathKey[]) => (path.length === 0 ? 'the top level' : formatPath(path));

/** Every operator a condition may use. */
export const CONDITION_OPERATORS = [
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$regex',
  '$options',
  '$size',
  '$all',
  '$mod',
  '$elemMatch',
  '$not',
  '$type',
  '$and',
  '$or',
  '$nor',
] as const;

/** The message for `$where` and unknown operators; the step loader uses it too. */
export function unknownOperatorMessage(op: string, path: readonly PathKey[]): string {
  const why = op === '$where' ? ': conditions cannot run code' : '';
  const nearest = op === '$where' ? null : nearestOperator(op);
  return `${op} is an unknown operator (at ${describeWhere(path)})${why}${nearest ? `; did you mean \`${nearest}\`?` : ''}`;
}

/** Names other query languages use, where spelling alone would suggest the wrong operator. */
const ALIASES: Record<string, string> = { $neq: '$ne', $notin: '$nin', $not_in: '$nin', $gteq: '$gte', $lteq: '$lte', $equals: '$eq', $equal: '$eq' };

/**
 * The known operator a mistyped one most likely meant: one that differs by case, one it starts
 * with or that starts with it (`$size_of` → `$size`), or one within a third of its length in edits.
 */
export function nearestOperator(op: string): string | null {
  const typed = op.toLowerCase();
  const name = typed.replace(/^\$/, '');
  if (name.length < 2) return null;
  if (ALIASES[typed]) return ALIASES[typed];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const known of CONDITION_OPERATORS) {
    const lower = known.toLowerCase();
    const prefix = (typed.startsWith(lower) || lower.startsWith(typed)) && Math.min(typed.length, lower.length) >= 3;
    const edits = levenshtein(typed, lower);
    // One edit beats a shared start ($gtee → $gte, not $gt); a shared start beats more edits.
    const score = edits <= 1 ? edits : prefix ? 1.5 : edits <= Math.max(1, Math.floor(name.length / 3)) ? edits : Infinity;
    if (score < bestScore) [best, bestScore] = [known, score];
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The message for a type pattern inside a value operator (`{ $in: [String] }`). */
export function typeInOperatorMessage(type: string, op: string, path: readonly PathKey[]): string {
  return `${type} is a type pattern, which cannot be used inside ${op} (at ${describeWhere(path)}); write it as a leaf, like { key: ${type} }, or use { $type: ${type} }`;
}

/** Value operators compare values; type patterns and functions make no sense inside them. */
const VALUE_OPERATORS_WITH_VALUES = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$all', '$size', '$mod', '$regex', '$exists']);

// `base` is where a nested condition ($not, $elemMatch, array items) sits, for error messages only.
function compileNode(pattern: unknown, path: PathKey[], base: PathKey[] = []): Node {
  if (isPlainObject(pattern)) return compileObject(pattern, path, base);
  return compileLeaf(pattern, path, base);
}

function compileObject(pattern: Record<string, unknown>, path: PathKey[], base: PathKey[]): Node {
  const keys = Object.keys(pattern);
  if (keys.length === 0) return leaf(path, '{}', isPlainObject);
  const children: Node[] = [];
  for (const key of keys) {
    const value = pattern[key];
    if (key.startsWith('$')) {
      children.push(compileOperator(key, value, pattern, path, base));
      continue;
    }
    // A dotted key is a path, as in MongoDB: { "order.status": "new" } is { order: { status: "new" } }.
    const segments = key.split('.');
    if (segments.length > 1 && segments.some((s) => s === '')) {
      const where = [...base, ...path, key];
      throw new ConditionError(
        `the key ${JSON.stringify(key)} has an empty part (at ${describeWhere(where)}); a dotted key is a path like "order.status"`,
        formatPath(where),
      );
    }
    children.push(compileNode(value, [...path, ...segments], base));
  }
  return children.length === 1 ? children[0] : { type: 'all', children };
}

function compileOperator(op: string, param: unknown, owner: Record<string, unknown>, path: PathKey[], base: PathKey[]): Node {
  const full = [...base, ...path];
  const where = formatPath(full);
  const fail = (message: string) => new ConditionError(`${op} ${message} (at ${describeWhere(full)})`, where, op);
  switch (op) {
    case '$or':
    case '$and':
    case '$nor': {
      if (!Array.isArray(param) || param.length === 0) throw fail('expects a non-empty array of conditions');
      return { type: 'group', op, branches: param.map((branch) => compileNode(branch, path, base)) };
    }
    case '$not': {
      const inner = compileNode(param, [], full);
      return leaf(path, `$not ${describePattern(param)}`, (v) => !testNode(inner, v));
    }
    case '$elemMatch': {
      if (!isPlainObject(param)) throw fail('expects a condition object');
      const inner = compileNode(param, [], full);
      return leaf(path, `$elemMatch ${describePattern(param)}`, (v) => Array.isArray(v) && v.some((el) => testNode(inner, el)));
    }
    case '$type': {
      const test = typeof param === 'string' ? TYPE_NAME_TESTS[param] : typeTestOf(param);
      if (!test) throw fail(`has an unknown type ${describePattern(param)}; use String, Number, Boolean, Array, Object, Date or a name like "string"`);
      return leaf(path, `$type ${describePattern(param)}`, test);
    }
    case '$options':
      if (!('$regex' in owner)) throw fail('only makes sense next to $regex');
      return { type: 'all', children: [] };
    default: {
      if (!isSiftOperator(op)) throw new ConditionError(unknownOperatorMessage(op, full), where, op);
      const type = VALUE_OPERATORS_WITH_VALUES.has(op) ? findFunction(param) : null;
      if (type) throw new ConditionError(typeInOperatorMessage(type, op, full), where, op);
      const problem = checkOperatorParam(op, param);
      if (problem) throw fail(problem);
      const own = ownTester(op, param);
      if (own) return leaf(path, `${op} ${describePattern(param)}`, own);
      const query: Record<string, unknown> = { [op]: datesAsIso(param) };
      if (op === '$regex' && '$options' in owner) query.$options = owner.$options;
      let tester: (v: unknown) => boolean;
      try {
        tester = createOperatorTester(query);
        tester(undefined);
      } catch {
        // sift's own messages describe its internals; say what the author can change instead.
        throw fail(`cannot compare with ${describePattern(param)}`);
      }
      return leaf(path, `${op} ${describePattern(param)}`, tester);
    }
  }
}

/** The name of a type pattern (or other function) inside an operator's parameter, if any. */
function findFunction(param: unknown): string | null {
  if (typeof param === 'function') return typePatternName(param) ?? `the function ${param.name || '(anonymous)'}`;
  if (Array.isArray(param)) {
    for (const item of param) {
      const found = findFunction(item);
      if (found) return found;
    }
  } else if (isPlainObject(param)) {
    for (const key of Object.keys(param)) {
      const found = findFunction(param[key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Operators where sift departs from MongoDB, tested here instead: `$mod` holds for numbers only
 * (sift takes null as 0; like sift's other operators it looks into nested arrays), `$size` counts the array itself (sift also counts nested arrays), and
 * a comparison with null is `$eq: null` for $gte/$lte and never holds for $gt/$lt.
 */
function ownTester(op: string, param: unknown): ((v: unknown) => boolean) | null {
  if (op === '$mod') {
    const [divisor, remainder] = param as [number, number];
    const holds = (c: unknown) => typeof c === 'number' && c % divisor === remainder;
    return (v) => holds(v) || (Array.isArray(v) && v.flat(Infinity).some(holds));
  }
  if (op === '$size') return (v) => Array.isArray(v) && v.length === param;
  if (param === null && (op === '$gt' || op === '$lt')) return () => false;
  if (param === null && (op === '$gte' || op === '$lte')) return createOperatorTester({ $eq: null });
  return null;
}

/** Data holds dates as ISO strings, so a Date in an operator compares as its ISO string. */
function datesAsIso(param: unknown): unknown {
  if (param instanceof Date) return Number.isNaN(param.getTime()) ? param : param.toISOString();
  if (Array.isArray(param)) return param.map(datesAsIso);
  return param;
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

function compileLeaf(pattern: unknown, path: PathKey[], base: PathKey[]): Node {
  const expected = describePattern(pattern);
  if (pattern === null || pattern === undefined) return leaf(path, 'null', (v) => v === null || v === undefined);
  const typeTest = typeTestOf(pattern);
  if (typeTest) return leaf(path, expected, typeTest);
  if (pattern instanceof RegExp) {
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    return leaf(path, expected, (v) => typeof v === 'string' && re.test(v));
  }
  if (pattern instanceof Date && !Number.isNaN(pattern.getTime())) {
    const iso = pattern.toISOString();
    const ms = pattern.getTime();
    return leaf(path, expected, (v) => v === iso || (v instanceof Date && v.getTime() === ms));
  }
  if (Array.isArray(pattern)) {
    const items = pattern.map((item) => compileNode(item, [], [...base, ...path]));
    return leaf(path, expected, (v) => Array.isArray(v) && items.every((item) => v.some((el) => testNode(item, el))));
  }
  if (typeof pattern === 'string' || typeof pattern === 'number' || typeof pattern === 'boolean') {
    // NaN equals nothing, so a value index could never find it; it stays an ordinary read.
    return leaf(path, expected, (v) => v === pattern, pattern === pattern ? pattern : undefined);
  }
  const full = [...base, ...path];
  throw new ConditionError(
    `unsupported pattern ${expected} (at ${describeWhere(full)}): use a value, a type (String, Number, Boolean, Array, Object, Date), a regex, an array or an object`,
    formatPath(full),
  );
}

/** A leaf whose test cannot throw: a comparison that makes no sense (`[] > {}`) is simply no match. */
function leaf(path: PathKey[], expected: string, test: (value: unknown) => boolean, equals?: string | number | boolean): Node {
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

function verdictsOf(node: Node, data: unknown, into: boolean[]): boolean[] {
  if (node.type === 'leaf') into.push(node.test(getAt(data, node.path)));
  else if (node.type === 'all') for (const child of node.children) verdictsOf(child, data, into);
  else for (const branch of node.branches) verdictsOf(branch, data, into);
  return into;
}

function collectReads(node: Node): PathKey[][] {
  if (node.type === 'leaf') return [node.path];
  if (node.type === 'all') return node.children.flatMap(collectReads);
  return node.branches.flatMap(collectReads);
}

/** Top-level conjuncts that are scalar equalities, and every other read (groups read as a whole). */
function splitReads(root: Node): ConditionIndexing {
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

function dedupePaths(paths: PathKey[][]): PathKey[][] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = p.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
