// The space of task data that Explore draws from: the shape of the workspace's own tasks, the
// values seen there, every constant in the conditions with its neighbours, each type's edge
// cases, missing keys, and arrays of other lengths. Drawn with fast-check, seeded, so the same
// seed and index give the same document on every machine and in every worker.
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { isPlainObject } from '../plainValues.ts';
import type { Json, JsonObject, Workspace } from '../types.ts';
import { conditionConstants } from './conditionConstants.ts';

type Shape =
  | { kind: 'object'; keys: Map<string, Shape>; values: Json[] }
  | { kind: 'array'; item: Shape | null; lengths: number[]; values: Json[] }
  | { kind: 'value'; values: Json[] };

/** A key the draw leaves out of its object. */
const MISSING = Symbol('missing');

const EDGES: Json[] = ['', 0, -1, null, true, false];

export interface VariantSpace {
  /** Task data for variant `index`: the tasks' own data first, then drawn documents. */
  variant(index: number): JsonObject;
  readonly taskCount: number;
}

export function createVariantSpace(workspace: Workspace, seed: number): VariantSpace {
  const root: Shape = { kind: 'object', keys: new Map(), values: [] };
  for (const task of workspace.tasks) addValue(root, task.data);
  for (const step of workspace.steps) {
    if (!step.enabled) continue;
    for (const { path, values } of conditionConstants(step.source)) for (const value of values) addAt(root, path, value);
  }
  const arbitrary = arbitraryOf(root, true) as fc.Arbitrary<JsonObject>;
  const tasks = workspace.tasks.map((t) => t.data);
  return {
    taskCount: tasks.length,
    variant(index) {
      if (index < tasks.length) return tasks[index];
      // One generator per variant, straight from its seed: fc.sample would redo its set-up each time.
      return arbitrary.generate(new fc.Random(xoroshiro128plus(mix(seed, index))), undefined).value;
    },
  };
}

/** One 32-bit seed per (seed, index), spread so neighbouring indexes are unrelated. */
function mix(seed: number, index: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) | 0;
}

function remember(values: Json[], value: Json): void {
  if (values.length < 24 && !values.some((v) => v === value)) values.push(value);
}

function addValue(shape: Shape, value: Json): void {
  if (shape.kind === 'object' && isPlainObject(value)) {
    for (const [key, child] of Object.entries(value as JsonObject)) {
      let slot = shape.keys.get(key);
      if (!slot) shape.keys.set(key, (slot = emptyFor(child)));
      addValue(slot, child);
    }
  } else if (shape.kind === 'array' && Array.isArray(value)) {
    if (!shape.lengths.includes(value.length)) shape.lengths.push(value.length);
    for (const item of value.slice(0, 50)) {
      shape.item ??= emptyFor(item);
      addValue(shape.item, item);
    }
  } else if (value === null || typeof value !== 'object') remember(shape.values, value);
}

function emptyFor(value: Json): Shape {
  if (isPlainObject(value)) return { kind: 'object', keys: new Map(), values: [] };
  if (Array.isArray(value)) return { kind: 'array', item: null, lengths: [], values: [] };
  return { kind: 'value', values: [] };
}

/** A condition constant at a path; inside an array the path goes to its items. */
function addAt(shape: Shape, path: string[], value: Json): void {
  let current = shape;
  for (const key of path) {
    if (current.kind === 'array') current = current.item ??= { kind: 'object', keys: new Map(), values: [] };
    if (current.kind === 'value') return remember(current.values, value);
    if (current.kind !== 'object') return;
    let next = current.keys.get(key);
    if (!next) current.keys.set(key, (next = { kind: 'value', values: [] }));
    current = next;
  }
  remember(current.values, value);
}

function arbitraryOf(shape: Shape, top = false): fc.Arbitrary<Json | typeof MISSING> {
  const own = [...shape.values, ...EDGES.filter((e) => !shape.values.includes(e))];
  const edges = fc.constantFrom<Json | typeof MISSING>(...EDGES, MISSING);
  if (shape.kind === 'value') {
    return shape.values.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...shape.values) }, { weight: 1, arbitrary: edges }) : edges;
  }
  if (shape.kind === 'array') {
    const item = shape.item ? arbitraryOf(shape.item).filter((v): v is Json => v !== MISSING) : fc.constantFrom<Json>(...own);
    const maxLength = Math.min(50, Math.max(3, ...shape.lengths) + 2);
    const arrays = fc.array(item, { maxLength }) as fc.Arbitrary<Json | typeof MISSING>;
    return fc.oneof({ weight: 6, arbitrary: arrays }, { weight: 1, arbitrary: edges });
  }
  const entries = [...shape.keys.entries()].map(([key, child]) => [key, arbitraryOf(child)] as const);
  const objects = fc.record(Object.fromEntries(entries)).map((record) => {
    const object: JsonObject = {};
    for (const [key, value] of Object.entries(record)) if (value !== MISSING) object[key] = value as Json;
    return object as Json;
  });
  return top ? objects : fc.oneof({ weight: 8, arbitrary: objects }, { weight: 1, arbitrary: edges });
}
