// Whole-data changes made outside a step's own writes: a step reassigning `data`, and a person
// editing data while a run is paused. Both go through a draft so they become small patches.
import { toJsonValue } from './jsonValue.ts';
import type { StepRun } from './runState.ts';
import type { JsonObject } from './types.ts';

/** Changes `draft` from `before` into `after`, touching only what differs, so patches stay small. */
export function replaceDeep(draft: Record<string, unknown>, before: Record<string, unknown>, after: Record<string, unknown>): void {
  for (const key of Object.keys(before)) if (!(key in after)) delete draft[key];
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    const bothContainers =
      old !== null && value !== null && typeof old === 'object' && typeof value === 'object' && Array.isArray(old) === Array.isArray(value);
    if (bothContainers) replaceDeep(draft[key] as Record<string, unknown>, old as Record<string, unknown>, value as Record<string, unknown>);
    else if (JSON.stringify(old) !== JSON.stringify(value)) draft[key] = value;
  }
  if (Array.isArray(after) && Array.isArray(before) && after.length < before.length) (draft as unknown as unknown[]).length = after.length;
}

/** A step may reassign `data` itself (`data = {}`); its new value replaces the task's data. */
export function adoptReassignedData(run: StepRun): void {
  const replaced = run.instance?.getData();
  if (!run.instance || replaced === run.draft) return;
  if (replaced === null || typeof replaced !== 'object' || Array.isArray(replaced)) {
    throw new Error('data was reassigned to something that is not an object; task data must stay a JSON object');
  }
  const plain = toJsonValue(replaced, ['data']) as JsonObject;
  for (const key of Object.keys(run.draft)) if (!(key in plain)) delete run.draft[key];
  for (const [key, value] of Object.entries(plain)) run.draft[key] = value;
}

/** Data that became `{}` ends its task as done. */
export function isEmpty(data: JsonObject): boolean {
  for (const _key in data) return false;
  return true;
}
