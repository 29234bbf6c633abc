// The sentence for the cursor's moment, under the graph; screen readers hear it as it changes.
import { useDeferredValue, useMemo } from 'react';
import { traceData } from '../../state/traceData.ts';
import { narrateAt } from '../../state/narration.ts';
import { useQuiz } from '../../state/quiz.ts';
import { useViewMode } from '../../state/viewMode.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import { useSession } from '../../state/currentSession.ts';

export function useNarration(): string {
  const events = useSession((s) => s.events);
  const ranWith = useSession((s) => s.workspace);
  const steps = useWorkspace((s) => s.workspace.steps);
  const checks = useSession((s) => s.checks);
  const seq = useSession((s) => s.seq);
  const run = useSession((s) => s.frame.run);
  const index = traceData(events);
  const asking = useQuiz((s) => s.asking !== null);
  const mode = useViewMode((s) => s.mode);
  return useMemo(() => {
    if (asking) return 'Quiz: which step runs next? Click its node or press its number.';
    if (events.length === 0)
      return mode === 'edit'
        ? 'Press Run to see the steps play out, or Step to go one step at a time.'
        : 'Press Run and play (Space) to see the steps play out.';
    const names = (ranWith?.steps ?? steps).map((s) => s.name);
    const leaves = checks.map((c) => (c?.leaves ?? []).filter((l) => l.path !== '(condition)').map((l) => ({ path: l.path, expected: l.expected })));
    return narrateAt(seq, { events, index, names, leaves }, run?.startSeq ?? null) || 'The task starts: the engine checks every condition against its data.';
  }, [events, index, ranWith, steps, checks, seq, run, asking, mode]);
}

export function Narration() {
  const text = useDeferredValue(useNarration());
  return (
    // Clamped to three lines; the whole sentence on hover (title) and when focused.
    <p className="narration" aria-live="polite" data-testid="narration" title={text} tabIndex={0}>
      <span className="narration-text">{text}</span>
    </p>
  );
}
