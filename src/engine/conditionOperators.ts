// The operators a condition may use, and the messages (with a suggestion) for ones it may not.
import { describeWhere } from './conditionError.ts';
import type { PathKey } from './paths.ts';

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

/** The message for a type pattern inside a value operator (`{ $in: [String] }`). */
export function typeInOperatorMessage(type: string, op: string, path: readonly PathKey[]): string {
  return `${type} is a type pattern, which cannot be used inside ${op} (at ${describeWhere(path)}); write it as a leaf, like { key: ${type} }, or use { $type: ${type} }`;
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
