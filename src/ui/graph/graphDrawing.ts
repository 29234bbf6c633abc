// The graph at the cursor as a drawing model: React Flow's nodes (laid-out positions, measured
// sizes) and edges, each step's state as the graph shows it (an open quiz question hides the
// answer), each edge's path from the graph's own path functions (xyflow's bezier, the loop's).
import type { Edge, InternalNode, Node } from '@xyflow/react';
import { nodeStateNow } from '../../state/nodeState.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import type { StepNodeData } from './buildGraph.ts';
import type { DrawnEdge, DrawnNode, Drawing, EdgeKind } from './graphSvg.ts';
import { loopGeometry } from './LoopEdge.tsx';
import { edgeCurve } from './labelPlacement.ts';
import { handlePoint, nodeSize } from './nodeGeometry.ts';
import { STATE_LOOK } from './StepNode.tsx';
import { sessionState } from '../../state/currentSession.ts';

/** What the export needs of the React Flow instance (useReactFlow()). */
export interface FlowModel {
  getNodes(): Node[];
  getEdges(): Edge[];
  getInternalNode(id: string): InternalNode | undefined;
}

function drawnNode(n: InternalNode): DrawnNode {
  const { x, y } = n.internals.positionAbsolute;
  const box = { id: n.id, x, y, ...nodeSize(n), count: 0, chips: [] as string[] };
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
  // The label where the graph shows it (PlacedEdge): the spot labelPlacement.ts found along the curve.
  const curve = edgeCurve(from, to);
  const { x, y } = curve.at(typeof e.data?.labelAt === 'number' ? e.data.labelAt : 0.5);
  const d = curve.path;
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
