// Shared engine types: the workspace document, the trace, and run results.
import type { Expectation } from './expectation.ts';
import type { Lesson } from './lesson.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface StepDef {
  name: string;
  source: string;
  enabled: boolean;
  /** The line of its file where `source` starts (folder form, below a `// step:` line); 1 by default. */
  firstLine?: number;
}

export interface TaskDef {
  name: string;
  data: JsonObject;
  /** What a run of this task should end with; makes the task a test (see expectation.ts). */
  expect?: Expectation;
}

export type ConnectorResponse = { returns: Json } | { throws: string };
export type ScriptMock = { latencyMs?: number; responses: ConnectorResponse[] };
export type CodeMock = { latencyMs?: number; source: string };
export type MethodMock = ScriptMock | CodeMock;
export type ConnectorMocks = Record<string, Record<string, MethodMock>>;

export interface Limits {
  maxSteps: number;
  stepTimeoutMs: number;
  maxSubtasks: number;
  maxDataBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSteps: 10_000,
  stepTimeoutMs: 2_000,
  maxSubtasks: 1_000,
  maxDataBytes: 1_048_576,
};

export const DEFAULT_START_TIME = '2025-01-01T00:00:00.000Z';

export interface Workspace {
  version: 1;
  name: string;
  description?: string;
  /** A guided walk through a run of the first task (see lesson.ts). */
  lesson?: Lesson;
  steps: StepDef[];
  tasks: TaskDef[];
  connectors: ConnectorMocks;
  config: Record<string, Json>;
  seed: number;
  startTime: string;
  limits: Limits;
}

/** A position in a step's source, 1-based line and column. */
export interface SourceError {
  message: string;
  line: number | null;
  column: number | null;
}

export type TaskStatus = 'running' | 'done' | 'incomplete' | 'error' | 'ignored' | 'waiting';

/** One property set or delete in task data (see jsonDraft.ts); the path is an array of keys. */
export interface Patch {
  op: 'add' | 'remove' | 'replace';
  path: (string | number)[];
  value?: unknown;
}

interface EventBase {
  seq: number;
  /** Virtual milliseconds since the run's start time. */
  t: number;
  task: string;
}

export type TraceEvent = EventBase &
  (
    | { kind: 'task-created'; name: string; parent: string | null; data: JsonObject }
    | { kind: 'evaluated'; ready: number[]; flips: [number, boolean][] }
    /** A dynamic condition threw while evaluated: it does not match. Once per step and task until the message changes. */
    | { kind: 'condition-error'; step: number; message: string }
    | { kind: 'step-started'; step: number; run: number }
    | { kind: 'log'; step: number | null; level: LogLevel; text: string }
    | { kind: 'connector-call'; step: number; call: number; connector: string; method: string; args: Json }
    | { kind: 'connector-result'; step: number; call: number; ok: boolean; value: Json; error: string | null; latencyMs: number }
    | { kind: 'step-finished'; step: number; run: number; patches: Patch[]; inverse: Patch[]; redo: boolean }
    | { kind: 'step-failed'; step: number; run: number; error: SourceError }
    | { kind: 'park'; ms: number; until: number }
    | { kind: 'resume'; reason: 'timer' | 'data' | 'children' }
    | { kind: 'subtask-created'; child: string; name: string; into: string | null; waitFor: boolean }
    | { kind: 'subtask-ended'; child: string; status: TaskStatus; into: string | null; patches: Patch[]; inverse: Patch[] }
    | { kind: 'data-edited'; patches: Patch[]; inverse: Patch[] }
    | { kind: 'visualize'; step: number; type: string; name: string; data: Json }
    | { kind: 'task-ended'; status: TaskStatus; result: Json; error: SourceError | null; step: number | null }
  );

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'audit';
export type TraceEventKind = TraceEvent['kind'];
/** Every event kind, for readers that check a trace's shape (trace files). */
export const TRACE_EVENT_KINDS: readonly TraceEventKind[] = [
  'task-created',
  'evaluated',
  'condition-error',
  'step-started',
  'log',
  'connector-call',
  'connector-result',
  'step-finished',
  'step-failed',
  'park',
  'resume',
  'subtask-created',
  'subtask-ended',
  'data-edited',
  'visualize',
  'task-ended',
];
/** An event before the trace numbers it and stamps its time. */
export type NewTraceEvent = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq' | 't'> : never) : never;
export type EventOf<K extends TraceEventKind> = Extract<TraceEvent, { kind: K }>;

export interface InvalidStep {
  step: string;
  index: number;
  message: string;
  line: number | null;
  column: number | null;
}

export interface TaskSummary {
  id: string;
  name: string;
  parent: string | null;
  status: TaskStatus;
  result: Json;
  error: SourceError | null;
  ran: string[];
}

export interface RunResult {
  status: TaskStatus;
  result: Json;
  error: (SourceError & { step: string | null }) | null;
  data: JsonObject;
  ran: string[];
  tasks: TaskSummary[];
  invalid: InvalidStep[];
  virtualTimeMs: number;
  stepRuns: number;
  logs: { t: number; task: string; step: string | null; level: LogLevel; text: string }[];
  events: TraceEvent[];
}
