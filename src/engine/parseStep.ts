// Reads a step source with acorn: finds its condition and content, and rewrites the module
// into a function body that keeps every line and column of the user's code.
import { parse } from 'acorn';
import type { SourceError } from './types.ts';
import type { AstNode } from './astNode.ts';
import { isShareable } from './shareableModule.ts';
import { findUnclosedBracket, unclosedNote } from './unclosedBracket.ts';

type AnyNode = AstNode;

export interface ParsedStep {
  /** Function body (without prelude) whose `condition` is a thunk re-evaluated on demand. */
  body: string;
  conditionNode: AnyNode;
  /** True when the condition reads nothing but literals and type names. */
  isStatic: boolean;
  conditionText: string;
  /** One instance of the module can serve every task (see shareableModule.ts). */
  shareable: boolean;
}

export class StepSourceError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(message);
  }
  toSourceError(): SourceError {
    return { message: this.message, line: this.line, column: this.column };
  }
}

const STATIC_NAMES = new Set(['String', 'Number', 'Boolean', 'Array', 'Object', 'Date', 'undefined', 'NaN', 'Infinity']);

function at(node: AnyNode, message: string): StepSourceError {
  return new StepSourceError(message, node.loc?.start.line ?? null, node.loc ? node.loc.start.column + 1 : null);
}

/** Parses a step source. Throws StepSourceError with a line and column for anything unusable. */
export function parseStep(source: string): ParsedStep {
  let program: AnyNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as AnyNode;
  } catch (error) {
    const { loc, pos } = error as { loc?: { line: number; column: number }; pos?: number };
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    // Point at the bracket that was never closed, not only where the parser gave up.
    const open = loc ? findUnclosedBracket(source, (pos ?? source.length) + 1) : null;
    if (open && loc)
      throw new StepSourceError(`syntax error: ${message} at line ${loc.line}:${loc.column + 1} (${unclosedNote(open)})`, open.line, open.column);
    throw new StepSourceError(`syntax error: ${message}`, loc?.line ?? null, loc ? loc.column + 1 : null);
  }
  const dynamicImport = findImportCall(program);
  if (dynamicImport) throw at(dynamicImport, IMPORT_CALL_MESSAGE);
  const edits: { start: number; end: number; text: string }[] = [];
  let conditionNode: AnyNode | null = null;
  let contentNode: AnyNode | null = null;
  for (const node of program.body as AnyNode[]) {
    if (node.type === 'ImportDeclaration') throw at(node, 'imports are not available in steps; write helpers in the step itself');
    if (node.type === 'ExportDefaultDeclaration') throw at(node, 'export default is not a step; write `export const content = async () => { … }`');
    if (node.type === 'ExportAllDeclaration' || (node.type === 'ExportNamedDeclaration' && !node.declaration)) {
      throw at(node, 'a step can only export declarations such as `export const condition = …`');
    }
    const declaration: AnyNode = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (node.type === 'ExportNamedDeclaration') {
      edits.push({ start: node.start, end: declaration.start, text: ' '.repeat(declaration.start - node.start) });
    }
    if (declaration.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as AnyNode[]) {
      if (declarator.id.type !== 'Identifier') continue;
      if (declarator.id.name === 'condition') conditionNode = declarator;
      if (declarator.id.name === 'content') contentNode = declarator;
    }
  }
  if (!conditionNode) throw new StepSourceError('the step has no condition: add `export const condition = { … }`', 1, 1);
  if (!conditionNode.init) throw at(conditionNode, 'the condition is empty: give it an object such as { order: { status: "new" } }');
  if (conditionNode.init.type === 'ObjectExpression' && conditionNode.init.properties.length === 0) {
    throw at(conditionNode.init, 'the condition is empty: it must list at least one key to match');
  }
  if (!contentNode) throw new StepSourceError('the step has no content: add `export const content = async () => { … }`', 1, 1);
  const kind = contentNode.init?.type;
  if (kind !== 'ArrowFunctionExpression' && kind !== 'FunctionExpression') {
    throw at(contentNode, 'content must be a function: `export const content = async () => { … }`');
  }
  const init: AnyNode = conditionNode.init;
  // The condition becomes a thunk so a condition that reads `data` is evaluated afresh each time.
  edits.push({ start: init.start, end: init.start, text: '() => (' }, { start: init.end, end: init.end, text: ')' });
  return {
    body: applyEdits(source, edits),
    conditionNode: init,
    isStatic: isStaticExpression(init),
    conditionText: source.slice(init.start, init.end),
    shareable: isShareable(program),
  };
}

export const IMPORT_CALL_MESSAGE = 'import() is not available in steps';

/** The first `import(…)` anywhere in a program. Iterative, so deep nesting cannot overflow the stack. */
export function findImportCall(program: AnyNode): AnyNode | null {
  const stack: unknown[] = [program];
  let first: AnyNode | null = null;
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (node && typeof node === 'object' && typeof (node as AnyNode).type === 'string') {
      const n = node as AnyNode;
      if (n.type === 'ImportExpression' && (!first || n.start < first.start)) first = n;
      for (const key in n) if (key !== 'loc') stack.push(n[key]);
    }
  }
  return first;
}

function applyEdits(source: string, edits: { start: number; end: number; text: string }[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}

function isStaticExpression(node: AnyNode): boolean {
  switch (node.type) {
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'Identifier':
      return STATIC_NAMES.has(node.name);
    case 'UnaryExpression':
      return isStaticExpression(node.argument);
    case 'ArrayExpression':
      return node.elements.every((el: AnyNode | null) => el !== null && isStaticExpression(el));
    case 'ObjectExpression':
      return node.properties.every(
        (p: AnyNode) => p.type === 'Property' && p.kind === 'init' && !p.method && (!p.computed || isStaticExpression(p.key)) && isStaticExpression(p.value),
      );
    default:
      return false;
  }
}

/** Finds where in the condition literal a dot path (optionally ending in an operator key) is written. */
export function locateConditionPath(conditionNode: AnyNode, path: string, operator: string | null): { line: number; column: number } {
  let node: AnyNode = conditionNode;
  const keys = path === '(root)' ? [] : path.split('.');
  if (operator) keys.push(operator);
  for (const key of keys) {
    if (node.type !== 'ObjectExpression') break;
    const prop = (node.properties as AnyNode[]).find((p) => p.type === 'Property' && propertyName(p) === key);
    if (!prop) break;
    node = key === operator ? prop : prop.value;
  }
  return { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
}

function propertyName(prop: AnyNode): string | null {
  if (prop.key.type === 'Identifier' && !prop.computed) return prop.key.name;
  if (prop.key.type === 'Literal') return String(prop.key.value);
  return null;
}
