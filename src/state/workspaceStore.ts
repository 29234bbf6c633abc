// The workspace being edited, the selected step and task, and the authoring actions.
import { create } from 'zustand';
import { parseExpectation, type Expectation } from '../engine/expectation.ts';
import type { JsonObject, StepDef, TaskDef, Workspace } from '../engine/types.ts';
import { splitSteps, type SplitStep } from '../engine/splitSteps.ts';
import { parseConnectors } from '../engine/workspace.ts';

export const STEP_TEMPLATE = `export const condition = {
  order: { status: "new" }
};

export const content = async () => {
  // change data here; the next step's condition will see it
  data.order.status = "processing";
};
`;

interface DeletedStep {
  step: StepDef;
  index: number;
  /** A lesson dropped with the last step (a lesson over no steps can't play); Undo restores it. */
  lesson?: Workspace['lesson'];
}

export interface WorkspaceState {
  workspace: Workspace;
  selectedStep: number;
  selectedTask: number;
  /** The last deleted step, so Undo can put it back where it was. */
  deleted: DeletedStep | null;
  /** Why the current workspace is what it is (a restored copy was corrupt, a link was opened…). */
  notice: string | null;
  /** JSON editors whose text does not parse; Run stays disabled until they are fixed. */
  jsonErrors: Record<string, JsonEditorError>;
}

/** What is wrong in a JSON editor, where (when the text itself is wrong), and the text kept. */
export interface JsonEditorError {
  message: string;
  line: number | null;
  column: number | null;
  /** The text that has the error and its document, so the editor shows it again after a tab switch. */
  text?: string;
  path?: string;
}

export const useWorkspace = create<WorkspaceState>(() => ({
  workspace: {
    version: 1,
    name: 'Untitled',
    steps: [],
    tasks: [{ name: 'Task', data: {} }],
    connectors: {},
    config: {},
    seed: 1,
    startTime: '2025-01-01T00:00:00.000Z',
    limits: { maxSteps: 10000, stepTimeoutMs: 2000, maxSubtasks: 1000, maxDataBytes: 1048576 },
  },
  selectedStep: 0,
  selectedTask: 0,
  deleted: null,
  notice: null,
  jsonErrors: {},
}));

const set = useWorkspace.setState;
const get = useWorkspace.getState;

function updateWorkspace(change: (ws: Workspace) => Workspace): void {
  set({ workspace: change(get().workspace) });
}

function updateSteps(change: (steps: StepDef[]) => StepDef[]): void {
  updateWorkspace((ws) => ({ ...ws, steps: change(ws.steps) }));
}

export function loadWorkspace(workspace: Workspace, notice: string | null = null): void {
  // The old editors' broken text belongs to the old workspace.
  set({ workspace, selectedStep: 0, selectedTask: 0, deleted: null, notice, jsonErrors: {} });
}

export function setJsonError(editor: string, error: string | JsonEditorError | null): void {
  const next = typeof error === 'string' ? { message: error, line: null, column: null } : error;
  const previous = get().jsonErrors[editor];
  if (!previous && !next) return;
  if (
    previous &&
    next &&
    previous.message === next.message &&
    previous.line === next.line &&
    previous.column === next.column &&
    previous.text === next.text &&
    previous.path === next.path
  )
    return;
  const { [editor]: _previous, ...rest } = get().jsonErrors;
  set({ jsonErrors: next ? { ...rest, [editor]: next } : rest });
}

export function setNotice(notice: string | null): void {
  set({ notice });
}

export function renameWorkspace(name: string): void {
  updateWorkspace((ws) => ({ ...ws, name: name.trim() || ws.name }));
}

export function selectStep(index: number): void {
  const count = get().workspace.steps.length;
  if (count > 0) set({ selectedStep: Math.max(0, Math.min(count - 1, index)) });
}

export function selectTask(index: number): void {
  set({ selectedTask: index });
}

function uniqueName(base: string, steps: StepDef[]): string {
  const names = new Set(steps.map((s) => s.name));
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

export function addStep(step?: Partial<StepDef>, at?: number): void {
  const { steps } = get().workspace;
  const index = at ?? steps.length;
  const added: StepDef = { name: uniqueName(step?.name ?? 'New step', steps), source: step?.source ?? STEP_TEMPLATE, enabled: step?.enabled ?? true };
  updateSteps((list) => [...list.slice(0, index), added, ...list.slice(index)]);
  set({ selectedStep: index });
}

export function replaceStep(index: number, replacements: StepDef[]): void {
  updateSteps((list) => {
    const others = list.filter((_, i) => i !== index);
    const named = replacements.map((s, i) => ({ ...s, name: uniqueName(s.name, [...others, ...replacements.slice(0, i)]) }));
    return [...list.slice(0, index), ...named, ...list.slice(index + 1)];
  });
  set({ selectedStep: index });
}

export function renameStep(index: number, name: string): void {
  const trimmed = name.trim();
  if (!trimmed) return;
  updateSteps((list) => list.map((s, i) => (i === index ? { ...s, name: trimmed } : s)));
}

export function deleteStep(index: number): void {
  const step = get().workspace.steps[index];
  if (!step) return;
  const { lesson } = get().workspace;
  const dropLesson = lesson !== undefined && get().workspace.steps.length === 1;
  updateWorkspace(({ lesson: _l, ...ws }) => ({
    ...ws,
    steps: ws.steps.filter((_, i) => i !== index),
    ...(dropLesson || lesson === undefined ? {} : { lesson }),
  }));
  set({ deleted: { step, index, ...(dropLesson ? { lesson } : {}) }, selectedStep: Math.max(0, Math.min(index, get().workspace.steps.length - 1)) });
}

export function undoDelete(): void {
  const { deleted } = get();
  if (!deleted) return;
  updateWorkspace((ws) => ({
    ...ws,
    steps: [...ws.steps.slice(0, deleted.index), deleted.step, ...ws.steps.slice(deleted.index)],
    ...(deleted.lesson ? { lesson: deleted.lesson } : {}),
  }));
  set({ deleted: null, selectedStep: deleted.index });
}

export function moveStep(from: number, to: number): void {
  const { steps } = get().workspace;
  if (from === to || to < 0 || to >= steps.length) return;
  updateSteps((list) => {
    const next = [...list];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    return next;
  });
  set({ selectedStep: to });
}

export function toggleStep(index: number): void {
  updateSteps((list) => list.map((s, i) => (i === index ? { ...s, enabled: !s.enabled } : s)));
}

export function setStepSource(index: number, source: string): void {
  if (get().workspace.steps[index]?.source === source) return;
  updateSteps((list) => list.map((s, i) => (i === index ? { ...s, source } : s)));
}

export function setTaskData(index: number, data: JsonObject): void {
  updateWorkspace((ws) => ({ ...ws, tasks: ws.tasks.map((t, i) => (i === index ? { ...t, data } : t)) }));
}

/** Sets or (with undefined) removes a task's expectation. */
export function setTaskExpectation(index: number, expectation: Expectation | undefined): void {
  updateWorkspace((ws) => ({
    ...ws,
    tasks: ws.tasks.map((t, i) => {
      if (i !== index) return t;
      const rest: TaskDef = { name: t.name, data: t.data };
      return expectation ? { ...rest, expect: expectation } : rest;
    }),
  }));
}

/** Adds a task (its name made unique) and selects it; returns its index. */
export function addTask(task: TaskDef): number {
  const names = new Set(get().workspace.tasks.map((t) => t.name));
  let name = task.name;
  for (let n = 2; names.has(name); n++) name = `${task.name} (${n})`;
  updateWorkspace((ws) => ({ ...ws, tasks: [...ws.tasks, { ...task, name }] }));
  const index = get().workspace.tasks.length - 1;
  set({ selectedTask: index });
  return index;
}

export function setConnectors(connectors: Workspace['connectors']): void {
  updateWorkspace((ws) => ({ ...ws, connectors }));
}

export function setConfig(config: Workspace['config']): void {
  updateWorkspace((ws) => ({ ...ws, config }));
}

/** The blocks a pasted step's code splits into (one per step found), for the "split it?" offer. */
export function stepsInSource(index: number): SplitStep[] {
  return splitSteps(useWorkspace.getState().workspace.steps[index]?.source ?? '');
}

/** Checks what was typed into Connectors; throws a message naming what is wrong. */
export const parseConnectorsJson = (value: unknown): Workspace['connectors'] => parseConnectors(value) as Workspace['connectors'];

/** Checks what was typed into Expect: `null` removes the expectation; the message names the field. */
export const parseExpectationJson = (value: unknown): Expectation | null => (value === null ? null : parseExpectation(value));
