// Validates a workspace document and fills in defaults. Errors name the field that is wrong.
import { isPlainObject } from './plainValues.ts';
import { parseExpectation } from './expectation.ts';
import { parseLesson } from './lesson.ts';
import { DEFAULT_LIMITS, DEFAULT_START_TIME, type ConnectorMocks, type Json, type Limits, type StepDef, type TaskDef, type Workspace } from './types.ts';

export class WorkspaceError extends Error {
  name = 'WorkspaceError';
}

const fail = (where: string, message: string) => new WorkspaceError(`${where}: ${message}`);

/** Checks an untrusted value (parsed JSON) and returns a complete Workspace, or throws WorkspaceError. */
export function parseWorkspace(value: unknown): Workspace {
  if (!isPlainObject(value)) throw fail('workspace', 'expected a JSON object with "steps" and "tasks"');
  if (value.version !== undefined && value.version !== 1) {
    throw fail('version', `this Steplab reads version 1 workspaces; this one says ${JSON.stringify(value.version)}`);
  }
  if (!Array.isArray(value.steps)) throw fail('steps', 'expected an array of { name, source }');
  const steps = value.steps.map((step, i) => parseStepDef(step, `steps[${i}]`));
  const tasks = value.tasks === undefined ? [] : parseTasks(value.tasks);
  const startTime = value.startTime ?? DEFAULT_START_TIME;
  if (typeof startTime !== 'string' || Number.isNaN(Date.parse(startTime))) throw fail('startTime', 'expected an ISO date such as "2025-01-01T00:00:00.000Z"');
  const seed = value.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw fail('seed', 'expected a number');
  if (value.config !== undefined && !isPlainObject(value.config)) throw fail('config', 'expected an object of key → value');
  const workspace: Workspace = {
    version: 1,
    name: typeof value.name === 'string' && value.name.trim() ? value.name : 'Untitled workspace',
    steps,
    tasks: tasks.length > 0 ? tasks : [{ name: 'Task', data: {} }],
    connectors: parseConnectors(value.connectors ?? {}),
    config: (value.config ?? {}) as Record<string, Json>,
    seed,
    startTime: new Date(startTime).toISOString(),
    limits: parseLimits(value.limits ?? {}),
  };
  if (typeof value.description === 'string') workspace.description = value.description;
  if (value.lesson !== undefined) {
    try {
      workspace.lesson = parseLesson(value.lesson);
    } catch (error) {
      throw fail('lesson', (error as Error).message.replace(/^lesson:?\s*/, ''));
    }
  }
  return workspace;
}

function parseStepDef(value: unknown, where: string): StepDef {
  if (!isPlainObject(value)) throw fail(where, 'expected { name, source }');
  if (typeof value.source !== 'string') throw fail(`${where}.source`, 'expected the step code as a string');
  if (value.name !== undefined && typeof value.name !== 'string') throw fail(`${where}.name`, 'expected a string');
  if (value.enabled !== undefined && typeof value.enabled !== 'boolean') throw fail(`${where}.enabled`, 'expected true or false');
  if (value.firstLine !== undefined && !(Number.isInteger(value.firstLine) && (value.firstLine as number) >= 1))
    throw fail(`${where}.firstLine`, 'expected a line number from 1');
  const def: StepDef = {
    name: (value.name as string | undefined)?.trim() || where.replace('steps[', 'Step ').replace(']', ''),
    source: value.source,
    enabled: value.enabled !== false,
  };
  if (typeof value.firstLine === 'number' && value.firstLine > 1) def.firstLine = value.firstLine;
  return def;
}

export function parseTasks(value: unknown): TaskDef[] {
  if (!Array.isArray(value)) throw fail('tasks', 'expected an array of { name, data }');
  return value.map((task, i) => {
    if (!isPlainObject(task)) throw fail(`tasks[${i}]`, 'expected { name, data }');
    if (!isPlainObject(task.data)) throw fail(`tasks[${i}].data`, 'expected the task data as a JSON object');
    const def: TaskDef = { name: typeof task.name === 'string' && task.name ? task.name : `Task ${i + 1}`, data: task.data as TaskDef['data'] };
    if (task.expect !== undefined) {
      try {
        def.expect = parseExpectation(task.expect);
      } catch (error) {
        throw fail(`tasks[${i}] (${JSON.stringify(def.name)}).expect`, (error as Error).message);
      }
    }
    return def;
  });
}

export function parseConnectors(value: unknown): ConnectorMocks {
  if (!isPlainObject(value)) throw fail('connectors', 'expected { "<connector>": { "<method>": mock } }');
  for (const [name, methods] of Object.entries(value)) {
    if (!isPlainObject(methods)) throw fail(`connectors.${name}`, 'expected { "<method>": mock }');
    for (const [method, mock] of Object.entries(methods)) {
      const where = `connectors.${name}.${method}`;
      if (!isPlainObject(mock)) throw fail(where, 'expected { responses: [...] } or { source: "export default async (args, call) => …" }');
      if (mock.latencyMs !== undefined && (typeof mock.latencyMs !== 'number' || mock.latencyMs < 0))
        throw fail(`${where}.latencyMs`, 'expected a number of milliseconds ≥ 0');
      if ('source' in mock) {
        if (typeof mock.source !== 'string') throw fail(`${where}.source`, 'expected code as a string');
        continue;
      }
      if (!Array.isArray(mock.responses) || mock.responses.length === 0)
        throw fail(`${where}.responses`, 'expected a non-empty array of { returns } or { throws }');
      mock.responses.forEach((r, i) => {
        if (!isPlainObject(r) || (!('returns' in r) && typeof r.throws !== 'string')) {
          throw fail(`${where}.responses[${i}]`, 'expected { "returns": <json> } or { "throws": "<message>" }');
        }
      });
    }
  }
  return value as ConnectorMocks;
}

function parseLimits(value: unknown): Limits {
  if (!isPlainObject(value)) throw fail('limits', 'expected an object');
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw fail(`limits.${key}`, 'expected a positive number');
    limits[key] = v;
  }
  return limits;
}
