// Step (button or F10): on a finished run it starts a new one, so it asks first; with the quiz
// on, each step run is a question before it shows.
import { stepWithQuiz, useQuiz } from '../../state/quiz.ts';
import { stepOnce, stepWouldDiscardRun } from '../../state/runCommands.ts';

const DISCARD_QUESTION = 'Step starts a new run from the task’s starting data, and the finished run will be cleared. Start a new run?';

export function stepCommand(): void {
  if (useQuiz.getState().asking !== null) return;
  if (stepWouldDiscardRun() && !window.confirm(DISCARD_QUESTION)) return;
  if (useQuiz.getState().on) void stepWithQuiz(stepOnce);
  else void stepOnce();
}
