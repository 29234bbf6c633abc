// The quiz prompt: which step runs next? Then the truth, with the reason, and the score.
import { useEffect } from 'react';
import { guess, quizHint, toggleQuiz, useQuiz } from '../../state/quiz.ts';
import { useSession } from '../../state/currentSession.ts';

export function QuizBar() {
  const { on, asking, right, total, feedback } = useQuiz();
  const runCount = useSession((s) => s.runs.length);
  const cursor = useSession((s) => s.cursor);
  useEffect(() => {
    if (asking === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-9]$/.test(e.key)) return;
      if (e.target instanceof HTMLElement && (e.target.closest('.monaco-editor') || ['INPUT', 'TEXTAREA'].includes(e.target.tagName))) return;
      e.preventDefault();
      guess(Number(e.key) - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asking]);
  if (!on) return null;
  return (
    <section className="quiz-bar" aria-label="Quiz" data-testid="quiz">
      <b>Quiz: predict, then reveal</b>
      <span className="muted">
        {' '}
        · score {right} / {total}
      </span>
      {asking !== null ? (
        <span className="quiz-ask" role="status">
          Which step runs next? Click its node or press its number.
        </span>
      ) : feedback ? (
        <span className={`quiz-feedback ${feedback.right ? 'right' : 'wrong'}`} role="status" data-testid="quiz-feedback">
          {feedback.right ? '✓ ' : '✕ '}
          {feedback.text}
        </span>
      ) : (
        <span className="muted">{quizHint(runCount, cursor)}</span>
      )}
      <button className="quiz-off" onClick={toggleQuiz}>
        End quiz
      </button>
    </section>
  );
}
