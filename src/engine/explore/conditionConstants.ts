// The constants a step's condition compares with, by data path, read from its syntax tree:
// `{ order: { total: { $gt: 100 } } }` gives order.total → 100 (and its neighbours 99 and 101),
// `$in: ["gold", "silver"]` gives both, `$exists` asks for the key to be present or missing.
import type { AstNode } from '../astNode.ts';
import { parseStep } from '../parseStep.ts';
import type { Json } from '../types.ts';

export interface PathConstants {
  path: string[];
  values: Json[];
}

const ORDERING = new Set(['$gt', '$gte', '$lt', '$lte', '$ne', '$eq']);

/** Every literal a condition compares a path with; a step that does not parse gives none. */
export function conditionConstants(source: string): PathConstants[] {
  let node: AstNode;
  try {
    node = parseStep(source).conditionNode;
  } catch {
    return [];
  }
  const found = new Map<string, PathConstants>();
  const add = (path: string[], value: Json) => {
    const key = path.join('\u0000');
    const entry = found.get(key) ?? { path, values: [] };
    found.set(key, entry);
    if (!entry.values.some((v) => v === value)) entry.values.push(value);
  };
  walk(node, [], add, null);
  return [...found.values()];
}

function literalOf(node: AstNode | null | undefined): { value: Json } | null {
  if (!node) return null;
  if (node.type === 'Literal' && !(node.regex || typeof node.value === 'bigint')) return { value: node.value as Json };
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number') {
    return { value: -node.argument.value };
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return { value: node.quasis[0].value.cooked as string };
  return null;
}

function keyOf(property: AstNode): string | null {
  if (property.type !== 'Property') return null;
  if (!property.computed && property.key.type === 'Identifier') return property.key.name as string;
  const literal = literalOf(property.key);
  return literal && typeof literal.value === 'string' ? literal.value : null;
}

function walk(node: AstNode, path: string[], add: (path: string[], value: Json) => void, op: string | null): void {
  const literal = literalOf(node);
  if (literal) {
    if (path.length === 0) return;
    add(path, literal.value);
    if (typeof literal.value === 'number' && (op === null || ORDERING.has(op))) {
      const step = Number.isInteger(literal.value) ? 1 : 0.5;
      add(path, literal.value - step);
      add(path, literal.value + step);
    }
    return;
  }
  if (node.type === 'ArrayExpression') {
    for (const element of node.elements as (AstNode | null)[]) if (element) walk(element, path, add, op === '$in' || op === '$nin' ? '$eq' : op);
    return;
  }
  if (node.type !== 'ObjectExpression') return;
  for (const property of node.properties as AstNode[]) {
    const key = keyOf(property);
    if (key === null) continue;
    if (key === '$or' || key === '$and' || key === '$nor' || key === '$not' || key === '$elemMatch') walk(property.value, path, add, null);
    else if (key === '$exists' || key === '$type' || key === '$regex' || key === '$options' || key === '$size' || key === '$mod') continue;
    else if (key.startsWith('$')) walk(property.value, path, add, key);
    else walk(property.value, [...path, ...key.split('.')], add, null);
  }
}
