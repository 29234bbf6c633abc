// A task's expectation makes it a test: the status it should end in, and optionally its result,
// a condition pattern over its final data (the step matcher, explained leaf by leaf) and the
// order its steps ran in.
import { compileCondition, ConditionError } from './compileCondition.ts';
import { describeValue } from './describeValue.ts';
import { isPlainObject } from './plainValues.ts';
import type { Json, JsonObject, RunResult, TaskStatus } from './types.ts';

export interface Expectation {
  status: TaskStatus;
  result?: Json;
  /** A condition pattern over the final data, e.g. `{ order: { total: { $gt: 0 } } }`. */
  data?: JsonObject;
  /** The names of the steps the task ran, in order. */
  ran?: string[];
}

export interface ExpectationFailure {
  field: 'status' | 'result' | 'data' | 'ran';
  /** `order.total` for a data leaf, `ran[2]` for the run order, the field name otherwise. */
  path: string;
  expected: string;
  actual: string;
}

export interface ExpectationVerdict {
  pass: boolean;
  failures: ExpectationFailure[];
  /** Where `ran` first differs (an index into the steps run), or null. */
  divergedAt: number | null;
}

/** The statuses a finished run can end in; `running` never is one. */
const END_STATUSES: readonly TaskStatus[] = ['done', 'incomplete', 'error', 'waiting', 'ignored'];

/** Checks an untrusted `expect` value; the message names the field, and the caller prefixes the task. */
export function parseExpectation(value: unknown): Expectation {
  if (!isPlainObject(value)) throw new Error('expected { status, result?, data?, ran? }');
  const unknown = Object.keys(value).find((key) => !['status', 'result', 'data', 'ran'].includes(key));
  if (unknown !== undefined) throw new Error(`${JSON.stringify(unknown)} is not an expectation field; use status, result, data or ran`);
  if (!END_STATUSES.includes(value.status as TaskStatus)) {
    throw new Error(`status: expected one of ${END_STATUSES.map((s) => `"${s}"`).join(', ')}, got ${describeValue(value.status)}`);
  }
  const expectation: Expectation = { status: value.status as TaskStatus };
  if ('result' in value) expectation.result = value.result as Json;
  if (value.data !== undefined) {
    if (!isPlainObject(value.data)) throw new Error('data: expected a condition pattern object, like { order: { status: "complete" } }');
    try {
      compileCondition(value.data);
    } catch (error) {
      const message = error instanceof ConditionError ? error.message : String((error as Error)?.message ?? error);
      throw new Error(`data: ${message}`, { cause: error });
    }
    expectation.data = value.data as JsonObject;
  }
  if (value.ran !== undefined) {
    if (!Array.isArray(value.ran) || !value.ran.every((name) => typeof name === 'string')) throw new Error('ran: expected an array of step names');
    expectation.ran = value.ran as string[];
  }
  return expectation;
}

/** Compares a finished run with an expectation; every failing part is listed, data leaf by leaf. */
export function checkExpectation(expectation: Expectation, run: Pick<RunResult, 'status' | 'result' | 'data' | 'ran'>): ExpectationVerdict {
  const failures: ExpectationFailure[] = [];
  if (run.status !== expectation.status) failures.push({ field: 'status', path: 'status', expected: expectation.status, actual: run.status });
  if ('result' in expectation && !jsonEqual(expectation.result, run.result)) {
    failures.push({ field: 'result', path: 'result', expected: describeValue(expectation.result), actual: describeValue(run.result) });
  }
  if (expectation.data) {
    for (const leaf of compileCondition(expectation.data).explain(run.data)) {
      if (leaf.pass) continue;
      const path = leaf.via ? `${leaf.path} (${leaf.via})` : leaf.path;
      failures.push({ field: 'data', path, expected: leaf.expected, actual: leaf.actual === undefined ? 'absent' : describeValue(leaf.actual) });
    }
  }
  let divergedAt: number | null = null;
  if (expectation.ran) {
    const want = expectation.ran;
    const got = run.ran;
    const length = Math.max(want.length, got.length);
    for (let i = 0; i < length && divergedAt === null; i++) if (want[i] !== got[i]) divergedAt = i;
    if (divergedAt !== null) {
      const name = (n: string | undefined) => (n === undefined ? 'nothing' : `‘${n}’`);
      failures.push({ field: 'ran', path: `ran[${divergedAt}]`, expected: name(want[divergedAt]), actual: name(got[divergedAt]) });
    }
  }
  return { pass: failures.length === 0, failures, divergedAt };
}

/**
 * An expectation that a finished run meets: its status, result and step order, and a pattern of
 * every leaf the run changed (a removed key is `{ $exists: false }`, a changed array is `$eq`).
 */
export function expectationFromRun(run: Pick<RunResult, 'status' | 'result' | 'data' | 'ran'>, initial: JsonObject): Expectation {
  const expectation: Expectation = { status: run.status };
  // task.complete() without a value makes the final data the result: the data leaves say it.
  if (run.result !== null && run.result !== undefined && !jsonEqual(run.result, run.data)) expectation.result = run.result;
  const data = changedLeaves(initial, run.data);
  if (data && Object.keys(data).length > 0) expectation.data = data;
  expectation.ran = [...run.ran];
  return expectation;
}

function changedLeaves(before: JsonObject, after: JsonObject): JsonObject | null {
  const pattern: JsonObject = {};
  for (const key of Object.keys(after)) {
    const was = Object.prototype.hasOwnProperty.call(before, key) ? before[key] : undefined;
    const now = after[key];
    if (jsonEqual(was, now)) continue;
    if (isPlainObject(now) && Object.keys(now).length > 0) {
      const inner = changedLeaves(isPlainObject(was) ? (was as JsonObject) : {}, now as JsonObject);
      if (inner && Object.keys(inner).length > 0) pattern[key] = inner;
    } else {
      // Arrays, empty objects and null are compared whole; a bare array would mean "contains".
      pattern[key] = Array.isArray(now) || isPlainObject(now) || now === null ? { $eq: now } : now;
    }
  }
  for (const key of Object.keys(before)) if (!(key in after)) pattern[key] = { $exists: false };
  return pattern;
}

/** Deep equality of JSON values; key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual((a as never)[key], (b as never)[key]));
}
