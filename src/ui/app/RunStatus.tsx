// The status readout: the root task's end status (or running/paused), step runs and virtual time.
import { ROOT } from '../../state/replay.ts';
import { useSession } from '../../state/currentSession.ts';

export function RunStatus() {
  const phase = useSession((s) => s.phase);
  const events = useSession((s) => s.events);
  const runs = useSession((s) => s.runs.length);
  const runId = useSession((s) => s.runId);
  const why = useSession((s) => s.why);
  if (phase === 'idle')
    return (
      <span className="status" data-status="idle" role="status">
        not run yet
      </span>
    );
  const end = events.findLast((e) => e.kind === 'task-ended' && e.task === ROOT);
  const status = end?.kind === 'task-ended' ? end.status : phase === 'paused' ? 'paused' : phase === 'running' ? 'running' : 'stopped';
  const ms = events.length ? events[events.length - 1].t : 0;
  const text = `${runs} step run${runs === 1 ? '' : 's'} · ${(ms / 1000).toFixed(1)} s`;
  // A narrow header may cut the readout short: the tooltip has all of it.
  return (
    <span
      className="status"
      data-status={status}
      data-run={runId}
      data-phase={phase}
      role="status"
      aria-live="polite"
      title={`${status} · ${text}${why ? `: ${why}` : ''}`}
    >
      ● <b data-testid="run-status">{status}</b> · {text}
    </span>
  );
}
