// A node in the minimap, in its state's colour at the cursor: each one reads its own state, like
// the graph's nodes, so moving the cursor repaints only the nodes whose state changed.
import type { MiniMapNodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeState } from '../../state/nodeState.ts';
import type { NodeState } from '../../state/replay.ts';

const FILL: Record<NodeState, string> = {
  ready: 'var(--ready)',
  running: 'var(--running)',
  ran: 'var(--ran)',
  failed: 'var(--failed)',
  invalid: 'var(--failed)',
  disabled: 'var(--border)',
  waiting: 'var(--waiting)',
  never: 'var(--waiting)',
  idle: 'var(--waiting)',
};

function MiniMapStateNodeView({ id, x, y, width, height, selected, onClick }: MiniMapNodeProps) {
  const index = id.startsWith('s') ? Number(id.slice(1)) : -1;
  const nodeState = useNodeState(index);
  const state = index >= 0 ? nodeState : null;
  return (
    <rect
      className={`react-flow__minimap-node${selected ? ' selected' : ''}`}
      data-state={state ?? 'terminal'}
      x={x}
      y={y}
      rx={6}
      width={width}
      height={height}
      style={{ fill: state ? FILL[state] : 'var(--muted)' }}
      onClick={onClick ? (event) => onClick(event, id) : undefined}
    />
  );
}

export const MiniMapStateNode = memo(MiniMapStateNodeView);
