// Shrinks an explored example to a minimal data document that still ends in the same class:
// delta debugging over the JSON (drop a key, drop array items, empty a string, bring a number
// to 0), greedily, until no single simplification keeps the class or the budget of runs is spent.
import { checkSteps } from '../checkSteps.ts';
import { createRun, loadSteps, type RunHost, type RunOptions } from '../createRun.ts';
import { isPlainObject } from '../plainValues.ts';
import { incompleteReason } from '../stopReason.ts';
import type { Json, JsonObject, RunResult, Workspace } from '../types.ts';
import { classOf } from './outcomeClass.ts';

export interface ShrunkExample {
  data: JsonObject;
  /** Runs tried while shrinking. */
  tries: number;
  /** Why the run stopped where it did, for the minimal example. */
  why: string;
  finalData: JsonObject;
}

const BUDGET = 400;

export async function shrinkExample(
  workspace: Workspace,
  data: JsonObject,
  key: string,
  host: RunHost,
  hooks: { onSlice?: RunOptions['onSlice']; onEvent?: RunOptions['onEvent'] } = {},
): Promise<ShrunkExample> {
  const steps = loadSteps(workspace);
  const runOf = (candidate: JsonObject) => createRun(workspace, { host, steps, data: candidate, onSlice: hooks.onSlice, onEvent: hooks.onEvent }).runToEnd();
  let tries = 0;
  let best = data;
  let bestRun = await runOf(best);
  let improved = true;
  while (improved && tries < BUDGET) {
    improved = false;
    for (const candidate of simplifications(best)) {
      if (tries >= BUDGET) break;
      tries++;
      const outcome = await runOf(candidate);
      if (classOf(outcome).key !== key) continue;
      best = candidate;
      bestRun = outcome;
      improved = true;
      break;
    }
  }
  return { data: best, tries, why: whyStopped(workspace, bestRun, host), finalData: bestRun.data };
}

function whyStopped(workspace: Workspace, run: RunResult, host: RunHost): string {
  if (run.status === 'error') return run.error ? `${run.error.step ? `‘${run.error.step}’ failed: ` : ''}${run.error.message}` : 'The task ended in error.';
  if (run.status === 'done') return 'The task finished.';
  if (run.status === 'waiting') return 'The task is still waiting (a park or a subtask that never ended, or a limit stopped it).';
  const checks = checkSteps(workspace, run.data, host);
  return incompleteReason(
    checks,
    workspace.steps.map((s) => s.name),
    workspace.steps.map((s) => s.enabled),
  );
}

/** Every one-step simplification of a document, the biggest cuts first. */
function* simplifications(value: JsonObject): Generator<JsonObject> {
  for (const [path, node] of nodes(value)) {
    if (path.length > 0) yield removeAt(value, path);
    if (Array.isArray(node)) {
      if (node.length > 1) yield setAt(value, path, node.slice(0, Math.floor(node.length / 2)));
      for (let i = node.length - 1; i >= 0; i--) yield setAt(value, path, [...node.slice(0, i), ...node.slice(i + 1)]);
    } else if (isPlainObject(node) && path.length > 0 && Object.keys(node).length > 0) yield setAt(value, path, {});
    else if (typeof node === 'string' && node !== '') yield setAt(value, path, '');
    else if (typeof node === 'number' && node !== 0) {
      yield setAt(value, path, 0);
      if (Number.isInteger(node) && Math.abs(node) > 1) yield setAt(value, path, Math.trunc(node / 2));
    } else if (node === true) yield setAt(value, path, false);
  }
}

/** Every node with its path, parents before children. */
function* nodes(value: Json, path: (string | number)[] = []): Generator<[(string | number)[], Json]> {
  yield [path, value];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* nodes(value[i], [...path, i]);
  else if (isPlainObject(value)) for (const key of Object.keys(value)) yield* nodes((value as JsonObject)[key], [...path, key]);
}

function setAt(root: JsonObject, path: (string | number)[], next: Json): JsonObject {
  const copy = (node: Json, depth: number): Json => {
    if (depth === path.length) return next;
    const key = path[depth];
    if (Array.isArray(node)) return node.map((item, i) => (i === key ? copy(item, depth + 1) : item));
    const object = node as JsonObject;
    return { ...object, [key]: copy(object[key as string], depth + 1) };
  };
  return copy(root, 0) as JsonObject;
}

function removeAt(root: JsonObject, path: (string | number)[]): JsonObject {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  let parent: Json = root;
  for (const key of parentPath) parent = (parent as JsonObject)[key as string];
  if (Array.isArray(parent))
    return setAt(
      root,
      parentPath,
      parent.filter((_, i) => i !== last),
    );
  const rest = { ...(parent as JsonObject) };
  delete rest[last as string];
  return parentPath.length === 0 ? rest : setAt(root, parentPath, rest);
}
