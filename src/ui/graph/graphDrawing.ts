// The graph at the cursor as a drawing model: React Flow's nodes (laid-out positions, measured
// sizes) and edges, each step's state as the graph shows it (an open quiz question hides the
// answer), each edge's path from the graph's own path functions (xyflow's bezier, the loop's).
import { getBezierPath, Position, type Edge, type InternalNode, type Node } from '@xyflow/react';
import { nodeStateNow } from '../../state/nodeState.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import type { StepNodeData } from './buildGraph.ts';
import type { DrawnEdge, DrawnNode, Drawing, EdgeKind } from './graphSvg.ts';
import { loopGeometry } from './LoopEdge.tsx';
import { STATE_LOOK } from './StepNode.tsx';
import { sessionState } from '../../state/currentSession.ts';

/** What the export needs of the React Flow instance (useReactFlow()). */
export interface FlowModel {
  getNodes(): Node[];
  getEdges(): Edge[];
  getInternalNode(id: string): InternalNode | undefined;
}

const size = (n: InternalNode) => ({
  width: n.measured?.width ?? n.width ?? n.initialWidth ?? 0,
  height: n.measured?.height ?? n.height ?? n.initialHeight ?? 0,
});

/** Where an edge meets a node: its handle's middle, bottom for sources and top for targets. */
function handlePoint(n: InternalNode, type: 'source' | 'target'): { x: number; y: number } {
  const { x, y } = n.internals.positionAbsolute;
  const h = n.internals.handleBounds?.[type]?.[0] ?? n.handles?.find((handle) => handle.type === type);
  if (h) return { x: x + h.x + (h.width ?? 1) / 2, y: y + h.y + (type === 'source' ? (h.height ?? 1) : 0) };
  const { width, height } = size(n);
  return { x: x + width / 2, y: type === 'source' ? y + height : y };
}

function drawnNode(n: InternalNode): DrawnNode {
  const { x, y } = n.internals.positionAbsolute;
  const box = { id: n.id, x, y, ...size(n), count: 0, chips: [] as string[] };
  const { frame } = sessionState();
  if (n.type === 'step') {
    const { index, name, chips } = n.data as StepNodeData;
    const state = nodeStateNow(index);
    const look = STATE_LOOK[state];
    return { ...box, kind: 'step', title: name, state, icon: look.icon, word: look.word, count: frame.counts[index] ?? 0, chips };
  }
  if ((n.data as { kind?: string }).kind === 'end')
    return { ...box, kind: 'end', title: 'end', state: frame.status ?? '', icon: '■', word: frame.status ?? 'end' };
  const { workspace, selectedTask } = useWorkspace.getState();
  return { ...box, kind: 'start', title: workspace.tasks[selectedTask]?.name ?? 'Task', state: '', icon: '●', word: 'start' };
}

function kindOf(e: Edge, active: string | null): EdgeKind {
  if (e.type === 'loop') return 'loop';
  const classes = (e.className ?? '').split(/\s+/);
  if (classes.includes('causal')) return active !== null && e.id === `c:${active}` ? 'active' : 'causal';
  return classes.includes('focus') ? 'focus' : 'could';
}

function drawnEdge(e: Edge, source: InternalNode, target: InternalNode, active: string | null): DrawnEdge {
  const from = handlePoint(source, 'source');
  const to = handlePoint(target, 'target');
  const text = typeof e.label === 'string' || typeof e.label === 'number' ? String(e.label) : '';
  const kind = kindOf(e, active);
  if (kind === 'loop') {
    const loop = loopGeometry(from.x, from.y, to.y);
    return { id: e.id, kind, d: loop.path, ...(text && { label: { text, x: loop.labelX, y: loop.labelY, align: 'start' as const } }) };
  }
  const [d, x, y] = getBezierPath({
    sourceX: from.x,
    sourceY: from.y,
    sourcePosition: Position.Bottom,
    targetX: to.x,
    targetY: to.y,
    targetPosition: Position.Top,
  });
  return { id: e.id, kind, d, ...(text && { label: { text, x, y, align: 'center' as const } }) };
}

/** Every node and edge of the graph, drawn or scrolled out of view, as it stands at the cursor. */
export function drawGraph(flow: FlowModel): Drawing {
  const internal = new Map<string, InternalNode>();
  for (const n of flow.getNodes()) {
    const node = flow.getInternalNode(n.id);
    if (node && !node.hidden) internal.set(n.id, node);
  }
  const active = sessionState().activeEdge;
  const edges: DrawnEdge[] = [];
  for (const e of flow.getEdges()) {
    const source = internal.get(e.source);
    const target = internal.get(e.target);
    if (source && target && !e.hidden) edges.push(drawnEdge(e, source, target, active));
  }
  return { nodes: [...internal.values()].map(drawnNode), edges };
}
