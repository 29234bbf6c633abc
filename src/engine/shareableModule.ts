// Whether one instance of a step module can serve every task (semantics 2 gives each task its
// own). Sharing is unobservable only when the module keeps no state of its own and its code
// never outlives a synchronous call: then no task can see another's `data` or `task`, because
// the instance is rebound before each use and nothing of it runs later. This reads the syntax
// tree conservatively: anything it does not recognize keeps the per-task instance.
import type { AstNode } from './astNode.ts';

/** Names the prelude binds per task; a shared instance rebinds them, so the step must never assign them. */
export const INJECTED_NAMES = ['task', 'step', 'connectors', 'console', 'audit', 'Date', 'Math', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];

const LATER_NAMES = new Set(['connectors', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval']);

/** Globals whose use keeps no state in the module and schedules nothing for later. */
const SYNC_GLOBALS = new Set([
  'data',
  'task',
  'step',
  'console',
  'audit',
  'Date',
  'Math',
  'JSON',
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'undefined',
  'NaN',
  'Infinity',
  'Error',
  'TypeError',
  'RangeError',
  'Map',
  'Set',
  'RegExp',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
]);

/**
 * Property names that chain work onto a promise, or reach prototypes and property definitions
 * (a function stored there would outlive the call and read whichever task's `data` is bound).
 */
const BLOCKED_PROPERTIES = new Set([
  'then',
  'catch',
  'finally',
  'prototype',
  '__proto__',
  'constructor',
  'getPrototypeOf',
  'setPrototypeOf',
  'defineProperty',
  'defineProperties',
  '__defineGetter__',
  '__defineSetter__',
]);

const isFunction = (node: AstNode) => node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration';

/**
 * True when the module's top level only declares `condition`, `content`, plain (not async,
 * not generator) functions and constants holding a primitive; nothing awaits, yields, chains
 * a promise, or reads `this` or a global outside SYNC_GLOBALS; the injected names are never
 * assigned; and the module's own functions are only ever called, never passed, read or changed.
 */
export function isShareable(program: AstNode): boolean {
  const callOnly = new Set<string>();
  const constants = new Set<string>();
  for (const node of program.body as AstNode[]) {
    const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (!declaration) return false;
    if (declaration.type === 'FunctionDeclaration') {
      if (declaration.async || declaration.generator) return false;
      callOnly.add(declaration.id.name);
      continue;
    }
    if (declaration.type !== 'VariableDeclaration' || declaration.kind !== 'const') return false;
    for (const declarator of declaration.declarations as AstNode[]) {
      if (declarator.id.type !== 'Identifier' || !declarator.init) return false;
      const { name } = declarator.id;
      const init = declarator.init;
      if (name === 'condition') callOnly.add(name);
      else if (name === 'content') {
        if (!isFunction(init) || init.generator) return false;
        callOnly.add(name);
      } else if (isPrimitive(init)) constants.add(name);
      else if (isFunction(init) && !init.async && !init.generator) callOnly.add(name);
      else return false;
    }
  }
  const declared = new Set<string>([...callOnly, ...constants]);
  collectDeclared(program, declared);
  return walk(program, null, null, { callOnly, declared, contentInit: contentInit(program) });
}

interface Context {
  callOnly: Set<string>;
  declared: Set<string>;
  contentInit: AstNode | null;
}

function contentInit(program: AstNode): AstNode | null {
  for (const node of program.body as AstNode[]) {
    const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const d of declaration.declarations as AstNode[]) if (d.id.type === 'Identifier' && d.id.name === 'content') return d.init;
  }
  return null;
}

function isPrimitive(node: AstNode): boolean {
  if (node.type === 'Literal') return node.regex === undefined;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type === 'UnaryExpression') return (node.operator === '-' || node.operator === '+' || node.operator === '!') && isPrimitive(node.argument);
  return false;
}

/** Every name declared anywhere in the module: parameters, variables, functions, catch bindings. */
function collectDeclared(node: AstNode, out: Set<string>): void {
  const addPattern = (pattern: AstNode | null | undefined): void => {
    if (!pattern) return;
    if (pattern.type === 'Identifier') out.add(pattern.name);
    else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties as AstNode[]) addPattern(p.type === 'RestElement' ? p.argument : p.value);
    else if (pattern.type === 'ArrayPattern') for (const p of pattern.elements as (AstNode | null)[]) addPattern(p);
    else if (pattern.type === 'RestElement') addPattern(pattern.argument);
    else if (pattern.type === 'AssignmentPattern') addPattern(pattern.left);
  };
  const stack: AstNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'VariableDeclarator') addPattern(n.id);
    else if (isFunction(n)) {
      if (n.id) out.add(n.id.name);
      for (const p of n.params as AstNode[]) addPattern(p);
    } else if (n.type === 'CatchClause') addPattern(n.param);
    for (const key of Object.keys(n)) {
      if (key === 'loc') continue;
      const child = n[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === 'string') stack.push(c);
      } else if (child && typeof child.type === 'string') stack.push(child);
    }
  }
}

const NEVER = new Set([
  'AwaitExpression',
  'YieldExpression',
  'ThisExpression',
  'MetaProperty',
  'ClassDeclaration',
  'ClassExpression',
  'ImportExpression',
  'Super',
]);

/** Checks a node and everything below it; `parent` and `key` say where the node sits. */
function walk(node: AstNode, parent: AstNode | null, key: string | null, ctx: Context): boolean {
  if (NEVER.has(node.type)) return false;
  if (isFunction(node) && (node.generator || (node.async && node !== ctx.contentInit))) return false;
  if (node.type === 'ForOfStatement' && node.await) return false;
  if (node.type === 'MemberExpression' && memberName(node) !== null && BLOCKED_PROPERTIES.has(memberName(node)!)) return false;
  if (node.type === 'AssignmentExpression' && !writable(node.left, ctx)) return false;
  if (node.type === 'UpdateExpression' && !writable(node.argument, ctx)) return false;
  if (node.type === 'UnaryExpression' && node.operator === 'delete' && !writable(node.argument, ctx)) return false;
  if (node.type === 'Identifier' && isReference(parent, key)) {
    const { name } = node;
    // Connector calls and timers run later by nature; a step using them keeps its own instance.
    if (LATER_NAMES.has(name)) return false;
    if (INJECTED_NAMES.includes(name)) {
      // The task's API is used, never handed around: `task.complete()`, `new Date()`, `Math.max(…)`.
      const used =
        (parent?.type === 'MemberExpression' && key === 'object') ||
        ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && key === 'callee');
      if (!used) return false;
    } else if (ctx.callOnly.has(name)) {
      // The declaration itself, or a direct call: anything else could keep state on the function.
      const declaring = (parent?.type === 'VariableDeclarator' && key === 'id') || (parent?.type === 'FunctionDeclaration' && key === 'id');
      if (!declaring && !(parent?.type === 'CallExpression' && key === 'callee')) return false;
    } else if (!ctx.declared.has(name) && !SYNC_GLOBALS.has(name)) return false;
  }
  for (const k of Object.keys(node)) {
    if (k === 'loc') continue;
    const child = node[k];
    if (Array.isArray(child)) {
      for (const c of child) if (c && typeof c.type === 'string' && !walk(c, node, k, ctx)) return false;
    } else if (child && typeof child.type === 'string' && !walk(child, node, k, ctx)) return false;
  }
  return true;
}

/** A member's name when it is written out (`a.b`, `a["b"]`), else null. */
function memberName(node: AstNode): string | null {
  if (!node.computed) return node.property.name;
  return node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : null;
}

/**
 * Whether a write target is the step's own: `data` and what hangs below it, or a variable the
 * module declares (not one of its functions, not a global and not the task's API).
 */
function writable(target: AstNode, ctx: Context): boolean {
  let root = target;
  while (root.type === 'MemberExpression' || root.type === 'ChainExpression') root = root.type === 'ChainExpression' ? root.expression : root.object;
  // Destructuring assignments (`[a, b] = …`) are rare; they keep the per-task instance.
  if (root.type !== 'Identifier') return false;
  if (root.name === 'data') return true;
  return ctx.declared.has(root.name) && !ctx.callOnly.has(root.name);
}

/** Whether an Identifier at this place names a binding (not a property name or a label). */
function isReference(parent: AstNode | null, key: string | null): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && key === 'property' && !parent.computed) return false;
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && key === 'key' && !parent.computed)
    return false;
  if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return false;
  return true;
}
