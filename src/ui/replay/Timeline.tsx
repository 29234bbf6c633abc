// The timeline across the full width: the cursor every panel follows, with play/pause.
import { useEffect, useState } from 'react';
import { toggleQuiz, useQuiz } from '../../state/quiz.ts';
import { msPerStep, setSpeed, SPEEDS, useViewMode } from '../../state/viewMode.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import { sessionState, useSession } from '../../state/currentSession.ts';
import { moveCursor, setCursor, stepForward } from '../../state/runCommands.ts';

export function Timeline() {
  const runs = useSession((s) => s.runs);
  const cursor = useSession((s) => s.cursor);
  const ranWith = useSession((s) => s.workspace);
  const why = useSession((s) => s.why);
  const run = useSession((s) => s.frame.run);
  const changed = useSession((s) => s.frame.changed);
  const t = useSession((s) => s.t);
  const steps = useWorkspace((s) => s.workspace.steps);
  const [playing, setPlaying] = useState(false);
  const quizOn = useQuiz((s) => s.on);
  const asking = useQuiz((s) => s.asking);
  const speed = useViewMode((s) => s.speed);

  useEffect(() => {
    if (!playing || asking !== null) return;
    // Playing stops on reaching the end (in the timer, so an effect never sets state itself).
    const timer = setTimeout(() => {
      if (sessionState().cursor < runs.length - 1) stepForward();
      if (sessionState().cursor >= runs.length - 1) setPlaying(false);
    }, msPerStep(speed));
    return () => clearTimeout(timer);
  }, [playing, cursor, runs.length, speed, asking]);

  const total = runs.length;
  const stepName = run ? (ranWith?.steps[run.step]?.name ?? steps[run.step]?.name ?? `#${run.step}`) : null;
  const atEnd = cursor === total - 1 && why;
  const say = atEnd
    ? why
    : run
      ? `“${stepName}” ${run.failed ? 'failed' : `ran${changed.length ? `, changed ${changed.join(', ')}` : ', changed nothing'}`}${run.task !== 't0' ? ` (in subtask ${run.task})` : ''}`
      : total
        ? cursor < 0
          ? 'The starting state: the task data before any step ran.'
          : 'Move the cursor to replay the run.'
        : 'Press Run or Step to start.';
  return (
    <footer className="timeline" aria-label="Replay timeline">
      <button
        onClick={() => setCursor(-1)}
        disabled={total === 0 || cursor < 0}
        aria-label="Starting state"
        title="Starting state, before the first step run (Home)"
      >
        |◀
      </button>
      <button onClick={() => moveCursor(-1)} disabled={total === 0 || cursor < 0} aria-label="Step back" title="Alt+←">
        ◀
      </button>
      <button onClick={() => setPlaying(!playing)} disabled={total === 0} aria-label={playing ? 'Pause' : 'Play'}>
        {playing ? '❚❚' : '▶'}
      </button>
      <button onClick={stepForward} disabled={total === 0 || cursor >= total - 1 || asking !== null} aria-label="Step forward" title="Alt+→">
        ▶|
      </button>
      <input
        type="range"
        min={-1}
        max={Math.max(-1, total - 1)}
        value={cursor}
        disabled={total === 0}
        onChange={(e) => setCursor(Number(e.target.value))}
        aria-label="Replay cursor"
        aria-valuetext={cursor < 0 ? 'starting state' : `step run ${cursor + 1} of ${total}`}
        data-testid="slider"
      />
      <span className="where" data-testid="cursor-position">
        {total ? `${cursor + 1} / ${total}` : '0 / 0'} · {cursor < 0 && total ? 'start' : `t = ${(t / 1000).toFixed(3)} s`}
      </span>
      <select aria-label="Playback speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <label className="quiz-toggle" title="Predict which step runs next before each step run">
        <input type="checkbox" checked={quizOn} onChange={toggleQuiz} /> Quiz
      </label>
      {/* One line; the full text on hover (title) and when focused. */}
      <span className="say" title={say} tabIndex={0} data-testid="verdict">
        {say}
      </span>
    </footer>
  );
}
