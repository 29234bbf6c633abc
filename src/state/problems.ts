// Every problem in the workspace in one list, for the Errors tab: invalid steps, JSON that does
// not parse, lesson stops that point nowhere and conditions that threw. Each says where it is,
// and opening one puts the editor's caret there.
import type { StepCheck } from '../engine/checkSteps.ts';
import { parseStep } from '../engine/parseStep.ts';
import type { TraceEvent, Workspace } from '../engine/types.ts';
import { latestConditionErrors } from './conditionErrors.ts';
import { revealInEditor, type EditorTab } from './editorNavigation.ts';
import { selectStep, useWorkspace, type JsonEditorError } from './workspaceStore.ts';

export type ProblemKind = 'step' | 'json' | 'condition' | 'lesson';

export interface Problem {
  key: string;
  kind: ProblemKind;
  /** Where, as the screen names it: a step's name, "Task data", "Connectors", "Config" or "Lesson". */
  place: string;
  message: string;
  line: number | null;
  column: number | null;
  /** For a lesson problem: the stop, e.g. "stop 2 “Validate”". */
  stop?: string;
  /** The step to select, for step and condition problems. */
  step?: number;
  /** The editor tab to open; null when nothing in the editors can be opened (a lesson). */
  tab: EditorTab | null;
}

export interface ProblemSources {
  workspace: Workspace;
  checks: readonly StepCheck[];
  checkError: string | null;
  jsonErrors: Record<string, JsonEditorError>;
  events: readonly TraceEvent[];
  runWorkspace: Workspace | null;
}

const JSON_EDITORS: [EditorTab, string][] = [
  ['task', 'Task data'],
  ['expect', 'Expect'],
  ['connectors', 'Connectors'],
  ['config', 'Config'],
];

/** Where a step's condition starts, for problems that belong to the condition as a whole. */
function conditionPlace(source: string): { line: number | null; column: number | null } {
  try {
    const loc = parseStep(source).conditionNode.loc;
    return { line: loc?.start.line ?? null, column: loc ? loc.start.column + 1 : null };
  } catch {
    return { line: null, column: null };
  }
}

export function listProblems({ workspace, checks, checkError, jsonErrors, events, runWorkspace }: ProblemSources): Problem[] {
  const problems: Problem[] = [];
  const steps = workspace.steps;
  if (checkError) problems.push({ key: 'checks', kind: 'step', place: 'Steps', message: checkError, line: null, column: null, tab: null });
  // Conditions that threw: while checking against the starting data, and during the run.
  const thrown = new Map<number, Set<string>>();
  const addThrown = (step: number, message: string) => (thrown.get(step) ?? thrown.set(step, new Set()).get(step)!).add(message);
  checks.forEach((check, i) => {
    const leaf = check.valid ? check.leaves.find((l) => l.path === '(condition)' && !l.pass) : undefined;
    if (leaf) addThrown(i, String(leaf.actual));
  });
  for (const { step, message } of latestConditionErrors(events)) {
    const name = (runWorkspace ?? workspace).steps[step]?.name;
    const index = steps[step]?.name === name ? step : steps.findIndex((s) => s.name === name);
    if (index >= 0) addThrown(index, message);
  }
  steps.forEach((step, i) => {
    const error = checks[i]?.error;
    if (checks[i] && !checks[i].valid && error) {
      problems.push({ key: `step-${i}`, kind: 'step', place: step.name, message: error.message, line: error.line, column: error.column, step: i, tab: 'step' });
    }
    const messages = thrown.get(i);
    if (!messages) return;
    const where = conditionPlace(step.source);
    for (const message of messages) {
      problems.push({
        key: `condition-${i}-${message}`,
        kind: 'condition',
        place: step.name,
        message: `The condition threw: ${message}`,
        ...where,
        step: i,
        tab: 'step',
      });
    }
  });
  for (const [tab, place] of JSON_EDITORS) {
    const error = jsonErrors[tab];
    if (error) problems.push({ key: `json-${tab}`, kind: 'json', place, message: error.message, line: error.line, column: error.column, tab });
  }
  problems.push(...lessonProblems(workspace, events));
  return problems;
}

/** Lesson stops that name a step the workspace no longer has, or an event the run never reached. */
function lessonProblems(workspace: Workspace, events: readonly TraceEvent[]): Problem[] {
  const lesson = workspace.lesson;
  if (!lesson) return [];
  const names = new Set(workspace.steps.map((s) => s.name));
  const problems: Problem[] = [];
  lesson.stops.forEach((stop, i) => {
    let message: string | null = null;
    if (typeof stop.at === 'string' && !names.has(stop.at)) message = `This stop points at the step “${stop.at}”, which the workspace does not have.`;
    if (typeof stop.at === 'number' && events.length > 0 && stop.at >= events.length)
      message = `This stop points at event ${stop.at}, but the last run has ${events.length} events.`;
    if (message)
      problems.push({
        key: `lesson-${i}`,
        kind: 'lesson',
        place: 'Lesson',
        stop: `stop ${i + 1} “${stop.title}”`,
        message,
        line: null,
        column: null,
        tab: null,
      });
  });
  return problems;
}

/** Opens a problem where it is: selects the step or opens the JSON tab, and puts the caret there. */
export function openProblem(problem: Problem): void {
  if (!problem.tab) return;
  if (problem.step !== undefined) selectStep(problem.step);
  const path = problem.tab === 'step' ? `steps/${useWorkspace.getState().selectedStep}.js` : jsonPath(problem.tab);
  revealInEditor(problem.tab, path, problem.line ?? 1, problem.column ?? 1);
}

/** The document path of a JSON editor, as EditorPanel names it. */
export function jsonPath(tab: Exclude<EditorTab, 'step'>): string {
  return tab === 'task' ? `tasks/${useWorkspace.getState().selectedTask}.json` : `${tab}.json`;
}
