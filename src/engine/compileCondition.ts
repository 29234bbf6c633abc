// Compiles an ALOMA condition (a subtree pattern) into a tester and a leaf-by-leaf explainer.
import { ConditionError } from './conditionError.ts';
import { collectReads, dedupePaths, explainNode, splitReads, testNode, verdictsOf, type ConditionIndexing, type LeafResult } from './conditionNode.ts';
import { compileNode } from './compileNode.ts';
import { isPlainObject } from './plainValues.ts';
import type { PathKey } from './paths.ts';

export { ConditionError } from './conditionError.ts';
export type { ConditionIndexing, LeafResult } from './conditionNode.ts';

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
