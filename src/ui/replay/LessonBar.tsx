// The lesson player: the stop's title and text, previous/next (N and P keys), and exit.
import { useEffect } from 'react';
import { endLesson, nextStop, previousStop, useLesson } from '../../state/lessonPlayer.ts';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('.monaco-editor'));

export function LessonBar() {
  const lesson = useLesson((s) => s.lesson);
  const index = useLesson((s) => s.index);
  const missing = useLesson((s) => s.missing);
  useEffect(() => {
    if (!lesson) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'n' || e.key === 'N' || e.key === 'PageDown') nextStop();
      else if (e.key === 'p' || e.key === 'P' || e.key === 'PageUp') previousStop();
      else if (e.key === 'Escape') endLesson();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lesson]);
  if (!lesson) return null;
  const stop = lesson.stops[index];
  return (
    <section className="lesson-bar" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson">
      <div className="lesson-head">
        <b>Lesson: {lesson.title}</b>
        <span className="muted">
          {' '}
          · stop {index + 1} of {lesson.stops.length}
        </span>
        <span className="grow" />
        <button onClick={previousStop} disabled={index === 0} aria-label="Previous stop (P)">
          ◀ Prev
        </button>
        <button className="primary" onClick={nextStop} disabled={index === lesson.stops.length - 1} aria-label="Next stop (N)">
          Next ▶
        </button>
        <button onClick={endLesson} aria-label="End the lesson (Esc)">
          ✕
        </button>
      </div>
      <h4 data-testid="lesson-title">{stop.title}</h4>
      <p data-testid="lesson-text">{stop.text}</p>
      {missing && <p className="muted">{missing}</p>}
    </section>
  );
}
