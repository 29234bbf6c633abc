// Presenter mode and embeds: the graph, the data and the narration in large type, played at a
// chosen pace. Space pauses, the arrow keys step. Embeds are the same view, small and read-only.
import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { msPerStep, setViewMode, useViewMode } from '../../state/viewMode.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import { InspectorPanel } from '../inspect/InspectorPanel.tsx';
import { Graph } from '../graph/GraphPanel.tsx';
import { Narration } from '../graph/Narration.tsx';
import { Timeline } from '../replay/Timeline.tsx';
import { RunStatus } from './RunStatus.tsx';
import { Glyph } from './Glyph.tsx';
import { sessionState, useSession } from '../../state/currentSession.ts';
import { moveCursor, runToEnd, setCursor, stepForward } from '../../state/runCommands.ts';

export function PresenterView({ embed }: { embed: boolean }) {
  const name = useWorkspace((s) => s.workspace.name);
  const speed = useViewMode((s) => s.speed);
  const phase = useSession((s) => s.phase);
  const cursor = useSession((s) => s.cursor);
  const total = useSession((s) => s.runs.length);
  const [playing, setPlaying] = useState(false);

  const play = async () => {
    if (sessionState().phase === 'idle') {
      await runToEnd();
      setCursor(-1);
    }
    setPlaying(true);
  };

  useEffect(() => {
    if (!playing) return;
    // Playing stops on reaching the end (in the timer, so an effect never sets state itself).
    const timer = setTimeout(() => {
      if (sessionState().cursor < total - 1) stepForward();
      if (sessionState().cursor >= total - 1) setPlaying(false);
    }, msPerStep(speed));
    return () => clearTimeout(timer);
  }, [playing, cursor, total, speed]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(e.target.tagName) && e.key === ' ') return;
      if (e.key === ' ') {
        e.preventDefault();
        if (playing) setPlaying(false);
        else void play();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        setPlaying(false);
        stepForward();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        setPlaying(false);
        moveCursor(-1);
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        setPlaying(false);
        setCursor(e.key === 'Home' ? -1 : total - 1);
      } else if (e.key === 'Escape' && !embed) {
        setViewMode('edit');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className={`app presenter${embed ? ' embed' : ''}`} data-testid={embed ? 'embed' : 'presenter'}>
      <header className="header">
        <h1 className="present-title">{name}</h1>
        <span className="spacer" />
        {/* The visible words are the name; the key is in the title. */}
        <button className="primary" onClick={() => (playing ? setPlaying(false) : void play())} title="Space">
          <Glyph>{playing ? '❚❚' : '▶'}</Glyph> {playing ? 'Pause' : phase === 'idle' ? 'Run and play' : 'Play'}
        </button>
        <RunStatus />
        {!embed && <button onClick={() => setViewMode('edit')}>Exit presenter (Esc)</button>}
        {embed && (
          <a className="open-full" href={`./${window.location.hash}`} target="_blank" rel="noreferrer">
            Open in Steplab <Glyph>↗</Glyph>
          </a>
        )}
      </header>
      <main className="present-main">
        <section className="panel present-graph" aria-label="Graph" data-testid="graph">
          <ReactFlowProvider>
            <Graph />
          </ReactFlowProvider>
        </section>
        {!embed && (
          <section className="present-data">
            <InspectorPanel />
          </section>
        )}
      </main>
      <div className="present-narration">
        <Narration />
      </div>
      <Timeline />
    </div>
  );
}
