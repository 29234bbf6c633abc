// Shape checks for trace events and step checks that come from outside the page's own code:
// from the engine worker (step code shares its realm and can forge any message) and from trace
// files. Only plain data of the expected shape is accepted.

type FieldType = 'string' | 'number' | 'boolean' | 'json' | 'patches' | 'numbers' | 'flips' | 'string?' | 'number?' | 'error?' | 'error';

const BASE: Record<string, FieldType> = { seq: 'number', t: 'number', task: 'string' };

const EVENT_FIELDS: Record<string, Record<string, FieldType>> = {
  'task-created': { name: 'string', parent: 'string?', data: 'json' },
  evaluated: { ready: 'numbers', flips: 'flips' },
  'step-started': { step: 'number', run: 'number' },
  log: { step: 'number?', level: 'string', text: 'string' },
  'connector-call': { step: 'number', call: 'number', connector: 'string', method: 'string', args: 'json' },
  'connector-result': { step: 'number', call: 'number', ok: 'boolean', value: 'json', error: 'string?', latencyMs: 'number' },
  'step-finished': { step: 'number', run: 'number', patches: 'patches', inverse: 'patches', redo: 'boolean' },
  'step-failed': { step: 'number', run: 'number', error: 'error' },
  'condition-error': { step: 'number', message: 'string' },
  park: { ms: 'number', until: 'number' },
  resume: { reason: 'string' },
  'subtask-created': { child: 'string', name: 'string', into: 'string?', waitFor: 'boolean' },
  'subtask-ended': { child: 'string', status: 'string', into: 'string?', patches: 'patches', inverse: 'patches' },
  'data-edited': { patches: 'patches', inverse: 'patches' },
  visualize: { step: 'number', type: 'string', name: 'string', data: 'json' },
  'task-ended': { status: 'string', result: 'json', error: 'error?', step: 'number?' },
};

/** Keys that would reach a prototype when the page applies a patch or walks data. */
const UNSAFE_KEYS = new Set(['__proto__']);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function isSourceError(value: unknown): boolean {
  if (!isRecord(value) || typeof value.message !== 'string') return false;
  return (value.line === null || typeof value.line === 'number') && (value.column === null || typeof value.column === 'number');
}

function isPatchList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.every(
    (p) =>
      isRecord(p) &&
      (p.op === 'add' || p.op === 'remove' || p.op === 'replace') &&
      Array.isArray(p.path) &&
      p.path.length > 0 &&
      p.path.every((k) => (typeof k === 'string' && !UNSAFE_KEYS.has(k)) || Number.isInteger(k)),
  );
}

function fieldOk(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string?':
      return value === null || typeof value === 'string';
    case 'number?':
      return value === null || typeof value === 'number';
    case 'error':
      return isSourceError(value);
    case 'error?':
      return value === null || isSourceError(value);
    case 'numbers':
      return Array.isArray(value) && value.every((n) => typeof n === 'number');
    case 'flips':
      return Array.isArray(value) && value.every((f) => Array.isArray(f) && typeof f[0] === 'number' && typeof f[1] === 'boolean');
    case 'patches':
      return isPatchList(value);
    case 'json':
      return value === undefined || value === null || typeof value !== 'function';
  }
}

/** True when `value` is a trace event of a known kind with every field of the right type. */
export function isTraceEvent(value: unknown): boolean {
  if (!isRecord(value) || typeof value.kind !== 'string') return false;
  const fields = Object.hasOwn(EVENT_FIELDS, value.kind) ? EVENT_FIELDS[value.kind] : null;
  if (!fields) return false;
  for (const [name, type] of Object.entries(BASE)) if (!fieldOk(value[name], type)) return false;
  for (const [name, type] of Object.entries(fields)) if (!fieldOk(value[name], type)) return false;
  return true;
}

export function isTraceEventList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isTraceEvent);
}

/** A step check as checkSteps returns it. */
export function isStepCheckList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (c) =>
        isRecord(c) &&
        typeof c.valid === 'boolean' &&
        typeof c.match === 'boolean' &&
        (c.error === null || isSourceError(c.error)) &&
        Array.isArray(c.leaves) &&
        c.leaves.every((l) => isRecord(l) && typeof l.path === 'string' && typeof l.expected === 'string' && typeof l.pass === 'boolean') &&
        Array.isArray(c.reads) &&
        c.reads.every((r) => typeof r === 'string') &&
        Array.isArray(c.writes) &&
        c.writes.every((w) => typeof w === 'string'),
    )
  );
}
