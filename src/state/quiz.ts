// Predict, then reveal: before each step run the learner picks the step they think runs next;
// the truth shows with its reason, and a score is kept.
import { create } from 'zustand';
import type { StepCheck } from '../engine/checkSteps.ts';
import { describeValue } from '../engine/describeValue.ts';
import { ROOT } from './replay.ts';
import { useWorkspace } from './workspaceStore.ts';
import { session, sessionState } from './currentSession.ts';
import { setCursor, setForwardHook } from './runCommands.ts';

export interface Judgement {
  right: boolean;
  text: string;
}

/** Why the guess was right or wrong, from the ready set and the checks before the step ran. */
export function judgeGuess(
  guess: number,
  answer: number,
  ready: readonly number[],
  checks: readonly (StepCheck | undefined)[],
  names: readonly string[],
  enabled: readonly boolean[],
): Judgement {
  const n = (i: number) => `‘${names[i] ?? `#${i}`}’`;
  const others = ready.filter((i) => i !== answer);
  if (guess === answer) {
    const also = others.length ? ` ${others.map(n).join(', ')} matched too, but ${others.length === 1 ? 'comes' : 'come'} later in the list.` : '';
    return { right: true, text: `Right: ${n(answer)} is the first ready step in list order.${also}` };
  }
  const truth = `${n(answer)} runs next`;
  if (ready.includes(guess)) return { right: false, text: `${n(guess)} matched too, but ${n(answer)} is earlier in the list: ${truth}.` };
  const check = checks[guess];
  if (!enabled[guess]) return { right: false, text: `${n(guess)} is switched off, so it never runs: ${truth}.` };
  if (check && !check.valid) return { right: false, text: `${n(guess)} is invalid (${check.error?.message}), so it never runs: ${truth}.` };
  if (check?.match) return { right: false, text: `${n(guess)} matches, but it already ran and did not call step.redo(): ${truth}.` };
  const failing = check?.leaves.find((leaf) => !leaf.pass);
  if (failing) {
    const actual = failing.actual === undefined ? 'is absent' : `is ${describeValue(failing.actual, 40)}, not ${failing.expected}`;
    return {
      right: false,
      text: `${n(guess)} doesn't match yet: \`${failing.path}\` ${failing.actual === undefined ? `is absent (expected ${failing.expected})` : actual}. ${truth}.`,
    };
  }
  return { right: false, text: `${n(guess)} doesn't match: ${truth}.` };
}

export interface QuizState {
  on: boolean;
  /** The slider position the learner is predicting. */
  asking: number | null;
  right: number;
  total: number;
  feedback: Judgement | null;
}

export const useQuiz = create<QuizState>(() => ({ on: false, asking: null, right: 0, total: 0, feedback: null }));

export function toggleQuiz(): void {
  const on = !useQuiz.getState().on;
  useQuiz.setState({ on, asking: null, right: 0, total: 0, feedback: null });
  setForwardHook(on ? advanceWithQuiz : null);
  // A quiz starts from the beginning of the run: nothing has happened yet.
  if (on && sessionState().runs.length > 0) setCursor(-1);
}

/** With the quiz on, moving forward asks first; runs in subtasks are passed without a question. */
export function advanceWithQuiz(): boolean {
  const quiz = useQuiz.getState();
  if (!quiz.on) return false;
  const { cursor, runs } = sessionState();
  const next = cursor + 1;
  if (next >= runs.length) return true;
  if (runs[next].task !== ROOT) {
    setCursor(next);
    return true;
  }
  useQuiz.setState({ asking: next, feedback: null });
  return true;
}

export function guess(step: number): void {
  const { asking } = useQuiz.getState();
  if (asking === null) return;
  const { runs, workspace } = sessionState();
  const ws = workspace ?? useWorkspace.getState().workspace;
  const verdict = judgeGuess(
    step,
    runs[asking].step,
    sessionState().frame.ready,
    sessionState().cursorChecks,
    ws.steps.map((s) => s.name),
    ws.steps.map((s) => s.enabled),
  );
  useQuiz.setState((s) => ({ asking: null, feedback: verdict, right: s.right + (verdict.right ? 1 : 0), total: s.total + 1 }));
  setCursor(asking);
}

/**
 * Quiz plus Step: the engine runs the next step run, and the question comes before it is shown
 * (the cursor stays on the run before it). Step does nothing while a question is open.
 */
export async function stepWithQuiz(step: () => Promise<void>): Promise<void> {
  if (useQuiz.getState().asking !== null) return;
  const before = sessionState().runs.length;
  await step();
  await runsBeyond(before);
  const { runs } = sessionState();
  const last = runs.length - 1;
  if (!useQuiz.getState().on || runs.length <= before || runs[last].task !== ROOT) return;
  setCursor(last - 1);
  useQuiz.setState({ asking: last, feedback: null });
}

/** Resolves once the run shows more than `count` step runs (events can trail the step's answer), or has ended. */
function runsBeyond(count: number, giveUpMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => sessionState().runs.length > count || sessionState().phase === 'ended' || sessionState().phase === 'idle';
    if (done()) return resolve();
    const finish = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = session().store.subscribe(() => done() && finish());
    const timer = setTimeout(finish, giveUpMs);
  });
}

/** What the quiz bar asks the learner to do now, naming a control that works at this moment. */
export function quizHint(runCount: number, cursor: number): string {
  if (runCount === 0) return 'Press Step (F10) for a question before each step run.';
  if (cursor < runCount - 1) return 'Step forward (▶| or Alt+→) to get a question.';
  return 'The run has ended: |◀ (Home) starts the questions from the beginning.';
}
