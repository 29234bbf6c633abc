// The Tests view's state: every task run as a test in the sandbox, its verdict and time, and the
// condition coverage over all of them. A failing test opens in the debugger where it went wrong.
import { create } from 'zustand';
import { emptyCoverage, mergeCoverage, type Coverage } from '../engine/coverage.ts';
import { expectationFromRun } from '../engine/expectation.ts';
import { isTaskTestResult } from '../engine/explore/batchShapes.ts';
import type { TaskTestResult } from '../engine/taskTest.ts';
import { dataIndexOf } from '../engine/traceFold.ts';
import type { JsonObject, Workspace } from '../engine/types.ts';
import { createBatchSession, prestartBatchEngine } from '../worker/batchClient.ts';
import { ROOT } from './replay.ts';
import { selectTask, setTaskExpectation, useWorkspace } from './workspaceStore.ts';
import { sessionState } from './currentSession.ts';
import { jumpToEvent, rerun, setCursor } from './runCommands.ts';

/** A task's row: its result, or why it could not run (the watchdog stopped it). */
export type TestRow = TaskTestResult | { index: number; name: string; pass: false; failed: string; ms: number };

export interface TestsState {
  running: boolean;
  rows: TestRow[];
  coverage: Coverage | null;
  /** The workspace the rows were run against, so the view can say when they are out of date. */
  ranOn: Workspace | null;
}

export const useTests = create<TestsState>(() => ({ running: false, rows: [], coverage: null, ranOn: null }));

let generation = 0;

/** Boots the next test run's engine ahead of time (see prestartBatchEngine). */
export const prepareTests = (): void => prestartBatchEngine(1);

export async function runAllTests(): Promise<void> {
  const workspace = useWorkspace.getState().workspace;
  const mine = ++generation;
  const coverage = emptyCoverage(workspace.steps);
  useTests.setState({ running: true, rows: [], coverage, ranOn: workspace });
  const session = createBatchSession(workspace.limits.stepTimeoutMs);
  try {
    for (let index = 0; index < workspace.tasks.length && mine === generation; index++) {
      const started = performance.now();
      const answer = await session.call((remote) => remote.testTask(workspace, index), isTaskTestResult);
      if (mine !== generation) return;
      let row: TestRow;
      if (answer.ok) {
        row = answer.value;
        mergeCoverage(coverage, answer.value.coverage);
      } else {
        const step = answer.step === null ? '' : ` in ‘${workspace.steps[answer.step]?.name}’`;
        row = { index, name: workspace.tasks[index].name, pass: false, failed: `${answer.message}${step}`, ms: Math.round(performance.now() - started) };
      }
      useTests.setState((s) => ({ rows: [...s.rows, row], coverage: { ...coverage } }));
    }
  } finally {
    session.dispose();
    if (mine === generation) useTests.setState({ running: false });
  }
}

export function cancelTests(): void {
  generation++;
  useTests.setState({ running: false });
}

/**
 * Makes the finished run on screen its task's expectation: status, result, the order steps ran,
 * and every leaf the run changed. Returns the task's name, or null when no finished run is shown.
 */
export function saveRunAsExpectation(): string | null {
  const { events, workspace: ranWith, phase } = sessionState();
  if (phase !== 'ended' || !ranWith) return null;
  const created = events.find((e) => e.kind === 'task-created' && e.task === ROOT);
  const end = events.findLast((e) => e.kind === 'task-ended' && e.task === ROOT);
  if (created?.kind !== 'task-created' || end?.kind !== 'task-ended') return null;
  const { workspace } = useWorkspace.getState();
  const index = workspace.tasks.findIndex((t) => t.name === created.name);
  if (index < 0) return null;
  const stepNames = ranWith.steps.map((s) => s.name);
  const ran = events.flatMap((e) => (e.kind === 'step-started' && e.task === ROOT ? [stepNames[e.step]] : []));
  const final = (dataIndexOf(events).dataAt(ROOT, end.seq) ?? {}) as JsonObject;
  setTaskExpectation(index, expectationFromRun({ status: end.status, result: end.result, data: final, ran }, created.data));
  return created.name;
}

/** Opens a test's run in the debugger: at the step where `ran` first differs, or at the end. */
export async function openTest(row: TestRow): Promise<void> {
  const workspace = useWorkspace.getState().workspace;
  selectTask(row.index);
  await rerun(workspace, workspace.tasks[row.index]?.name, undefined);
  const { runs, events } = sessionState();
  const diverged = 'divergedAt' in row ? row.divergedAt : null;
  if (diverged === null) return events.length > 0 ? jumpToEvent(events[events.length - 1].seq) : undefined;
  const rootRuns = runs.map((r, i) => ({ r, i })).filter(({ r }) => r.task === ROOT);
  setCursor(rootRuns[diverged]?.i ?? runs.length - 1);
}
