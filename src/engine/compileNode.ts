// Compiles a condition pattern into a node tree (see conditionNode.ts), checking every operator.
import { TYPE_NAME_TESTS, typeTestOf } from './conditionTypes.ts';
import { ConditionError, describeWhere } from './conditionError.ts';
import { leaf, testNode, type Node } from './conditionNode.ts';
import { typeInOperatorMessage, unknownOperatorMessage } from './conditionOperators.ts';
import { describePattern } from './describeValue.ts';
import { checkOperatorParam, datesAsIso, findFunction, ownTester, VALUE_OPERATORS_WITH_VALUES } from './operatorParams.ts';
import { isPlainObject } from './plainValues.ts';
import { formatPath, type PathKey } from './paths.ts';
import { createOperatorTester, isSiftOperator } from './siftOperators.ts';

/**
 * The node for `pattern` at `path`. Throws ConditionError for a bad operator or pattern.
 * `base` is where a nested condition ($not, $elemMatch, array items) sits, for error messages only.
 */
export function compileNode(pattern: unknown, path: PathKey[], base: PathKey[] = []): Node {
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
