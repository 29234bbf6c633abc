// Short chips for a step's condition leaves: `order.status = "new"`, `customer.riskScore > 70`.
import type { LeafResult } from '../../engine/compileCondition.ts';

const SYMBOLS: Record<string, string> = { $gt: '>', $gte: '≥', $lt: '<', $lte: '≤', $ne: '≠', $eq: '=' };
const TYPES = new Set(['String', 'Number', 'Boolean', 'Array', 'Object']);

export function chipText(leaf: Pick<LeafResult, 'path' | 'expected'>): string {
  const { path, expected } = leaf;
  const op = /^(\$[a-zA-Z]+) (.*)$/.exec(expected);
  if (op && SYMBOLS[op[1]]) return `${path} ${SYMBOLS[op[1]]} ${op[2]}`;
  if (op) return `${path} ${op[1]} ${op[2]}`;
  if (TYPES.has(expected)) return `${path}: ${expected}`;
  if (expected === 'null') return `${path} is null/absent`;
  if (expected.startsWith('/')) return `${path} ~ ${expected}`;
  return `${path} = ${expected}`;
}
