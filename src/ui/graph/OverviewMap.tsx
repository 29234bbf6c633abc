// The minimap, shown only while part of the graph is out of view and the pane is tall enough.
// Its nodes are in their state's colour at the cursor: each one reads its own state, like the
// graph's nodes, so moving the cursor repaints only the nodes whose state changed.
import { getNodesBounds, MiniMap, useStore, type MiniMapNodeProps, type ReactFlowState, type Rect } from '@xyflow/react';
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

const boundsOf = new WeakMap<object, Rect>();

/** Below this pane height the 90 px map would hide a third of the graph (1280×720 gives ~300 px). */
const MIN_PANE_HEIGHT = 360;

/** True while some of the graph lies outside a pane tall enough to spare a corner for an overview. */
function graphOverflows(s: ReactFlowState): boolean {
  if (s.nodes.length === 0 || !s.width || s.height < MIN_PANE_HEIGHT) return false;
  let bounds = boundsOf.get(s.nodes);
  if (!bounds) boundsOf.set(s.nodes, (bounds = getNodesBounds(s.nodes)));
  const [x, y, zoom] = s.transform;
  const slack = 1;
  return (
    bounds.x * zoom + x < -slack ||
    bounds.y * zoom + y < -slack ||
    (bounds.x + bounds.width) * zoom + x > s.width + slack ||
    (bounds.y + bounds.height) * zoom + y > s.height + slack
  );
}

/** The minimap, in state colours, shown only when the graph does not fit the pane (it would cover nodes for nothing). */
export function OverviewMap() {
  const shown = useStore(graphOverflows);
  if (!shown) return null;
  return (
    <MiniMap
      pannable
      zoomable
      style={{ width: 140, height: 90 }}
      nodeComponent={MiniMapStateNode}
      ariaLabel="Overview of the graph, nodes in their state colours"
    />
  );
}
