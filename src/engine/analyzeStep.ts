// Static reading of a step: the data paths its content writes, found in the syntax tree.
// The graph draws "potential" edges from a step that writes a path to steps whose condition reads it.
import { parse } from 'acorn';
import type { AstNode } from './astNode.ts';

type AnyNode = AstNode;

const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

/** Dot paths under `data` that the source assigns, deletes, updates or mutates with array methods. */
export function findWrites(source: string): string[] {
  let program: AnyNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as AnyNode;
  } catch {
    return [];
  }
  const writes = new Set<string>();
  const visit = (node: AnyNode | null | undefined): void => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'AssignmentExpression') addPath(node.left);
    else if (node.type === 'UpdateExpression') addPath(node.argument);
    else if (node.type === 'UnaryExpression' && node.operator === 'delete') addPath(node.argument);
    else if (
      node.type === 'CallExpression' &&
      node.callee.type === 'MemberExpression' &&
      !node.callee.computed &&
      MUTATING_METHODS.has(node.callee.property.name)
    ) {
      addPath(node.callee.object);
    }
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c) => visit(c as AnyNode));
      else if (child && typeof child === 'object' && typeof child.type === 'string' && key !== 'loc') visit(child as AnyNode);
    }
  };
  const addPath = (target: AnyNode) => {
    const path = dataPath(target);
    if (path && path.length > 0) writes.add(path.join('.'));
  };
  visit(program);
  return [...writes].sort();
}

/** `data.order.items[i].sku` → ['order', 'items']: the path stops at the first computed key. */
function dataPath(node: AnyNode): string[] | null {
  const segments: (string | null)[] = [];
  let current = node;
  while (current.type === 'MemberExpression' || current.type === 'ChainExpression') {
    if (current.type === 'ChainExpression') {
      current = current.expression;
      continue;
    }
    const literal = current.property.type === 'Literal' ? String(current.property.value) : null;
    segments.unshift(current.computed ? literal : current.property.name);
    current = current.object;
  }
  if (current.type !== 'Identifier' || current.name !== 'data') return null;
  const cut = segments.indexOf(null);
  return (cut < 0 ? segments : segments.slice(0, cut)) as string[];
}
