// The virtual-time lanes: one row per task, step runs as bars, parks and waits as gaps.
import { useMemo } from 'react';
import { buildLanes, formatMs } from '../../state/lanes.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import { useSession } from '../../state/currentSession.ts';
import { jumpToEvent } from '../../state/runCommands.ts';

const ROW = 26;
const LABEL = 120;
const WIDTH = 640;

export function LanesView() {
  const events = useSession((s) => s.events);
  const ranWith = useSession((s) => s.workspace);
  const current = useWorkspace((s) => s.workspace.steps);
  const steps = ranWith?.steps ?? current;
  const seq = useSession((s) => s.seq);
  const lanes = useMemo(() => buildLanes(events), [events]);
  if (lanes.length === 0) return <p className="empty">Run the task to see its lanes on the virtual clock.</p>;
  const end = Math.max(1, events[events.length - 1].t);
  const x = (t: number) => LABEL + (t / end) * (WIDTH - LABEL - 10);
  const at = events.find((e) => e.seq === seq)?.t ?? 0;
  return (
    <div className="lanes">
      <svg width={WIDTH} height={lanes.length * ROW + 24} role="img" aria-label="Tasks on the virtual clock">
        {lanes.map((lane, row) => (
          <g key={lane.task} transform={`translate(0, ${row * ROW})`} data-testid={`lane-${lane.task}`}>
            <text x={4} y={16} className="lane-label">
              {lane.parent ? `↳ ${lane.name}` : lane.name}
            </text>
            <line x1={x(lane.from)} x2={x(lane.to)} y1={13} y2={13} className="lane-line" />
            {lane.gaps.map((gap, i) => (
              <g key={`g${i}`} data-testid="lane-gap" data-reason={gap.reason}>
                <rect x={x(gap.from)} y={6} width={Math.max(2, x(gap.to) - x(gap.from))} height={14} className="lane-gap" />
                <title>{gap.reason}</title>
                {x(gap.to) - x(gap.from) > 50 && (
                  <text x={x(gap.from) + 4} y={17} className="gap-label">
                    {gap.reason}
                  </text>
                )}
              </g>
            ))}
            {lane.bars.map((bar) => (
              <rect
                key={bar.seq}
                x={x(bar.from)}
                y={4}
                width={Math.max(5, x(bar.to) - x(bar.from))}
                height={18}
                rx={3}
                className={`lane-bar${bar.failed ? ' failed' : ''}${seq >= bar.startSeq && seq <= bar.seq ? ' current' : ''}`}
                onClick={() => jumpToEvent(bar.seq)}
                data-testid="lane-bar"
              >
                <title>{`${steps[bar.step]?.name ?? bar.step}: ${formatMs(bar.from)} → ${formatMs(bar.to)}`}</title>
              </rect>
            ))}
          </g>
        ))}
        <line x1={x(at)} x2={x(at)} y1={0} y2={lanes.length * ROW} className="lane-cursor" />
        <text x={LABEL} y={lanes.length * ROW + 16} className="lane-axis">
          0
        </text>
        <text x={WIDTH - 10} y={lanes.length * ROW + 16} textAnchor="end" className="lane-axis">
          {formatMs(end)}
        </text>
      </svg>
    </div>
  );
}
