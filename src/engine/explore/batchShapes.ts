// Shape checks for what a batch of runs reports back (coverage, explored classes, a shrunk
// example). These come from a realm step code shares, so hosts check them before use.
import type { Coverage } from '../coverage.ts';
import { isPlainObject } from '../plainValues.ts';
import type { ExploreChunk } from './exploreChunk.ts';
import type { ShrunkExample } from './shrinkExample.ts';
import type { TaskTestResult } from '../taskTest.ts';

const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown) => typeof v === 'string';

export function isCoverage(v: unknown): v is Coverage {
  if (!isPlainObject(v) || !isCount(v.runs) || !isPlainObject(v.statuses) || !Array.isArray(v.steps)) return false;
  if (!Object.values(v.statuses).every(isCount)) return false;
  return v.steps.every(
    (s) =>
      isPlainObject(s) &&
      isText(s.name) &&
      isCount(s.runs) &&
      isCount(s.evaluations) &&
      Array.isArray(s.leaves) &&
      s.leaves.every((l) => isPlainObject(l) && isText(l.path) && isText(l.expected) && isCount(l.t) && isCount(l.f)),
  );
}

export function isExploreChunk(v: unknown): v is ExploreChunk {
  if (!isPlainObject(v) || !isCount(v.runs) || !isCount(v.stepRuns) || !Array.isArray(v.classes) || !isCoverage(v.coverage)) return false;
  return v.classes.every(
    (c) =>
      isPlainObject(c) &&
      isText(c.key) &&
      isText(c.status) &&
      (c.error === null || isText(c.error)) &&
      Array.isArray(c.ran) &&
      c.ran.every(isText) &&
      isCount(c.count) &&
      isCount(c.index) &&
      isPlainObject(c.data),
  );
}

export function isShrunkExample(v: unknown): v is ShrunkExample {
  return isPlainObject(v) && isPlainObject(v.data) && isCount(v.tries) && isText(v.why) && isPlainObject(v.finalData);
}

export function isTaskTestResult(v: unknown): v is TaskTestResult {
  return (
    isPlainObject(v) &&
    isCount(v.index) &&
    isText(v.name) &&
    (v.pass === null || typeof v.pass === 'boolean') &&
    Array.isArray(v.failures) &&
    v.failures.every((f) => isPlainObject(f) && isText(f.field) && isText(f.path) && isText(f.expected) && isText(f.actual)) &&
    (v.divergedAt === null || isCount(v.divergedAt)) &&
    isText(v.status) &&
    Array.isArray(v.ran) &&
    v.ran.every(isText) &&
    isPlainObject(v.data) &&
    isCount(v.stepRuns) &&
    typeof v.ms === 'number' &&
    isCoverage(v.coverage)
  );
}
