// The graph's structure: a start node, one node per step, an end node, and two kinds of edges.
// Potential edges (dashed) come from reading the code: A writes a path B's condition reads.
// Causal edges (solid) come from the trace: A's change made B match. Layout is dagre's.
import dagre from '@dagrejs/dagre';
import { Position, type Edge, type Node } from '@xyflow/react';
import type { StepCheck } from '../../engine/checkSteps.ts';
import type { CausalEdge } from '../../state/replay.ts';
import { chipText } from './conditionChips.ts';
import { couldIndex, pairsAround, shownPairs, type CouldIndex, type CouldPair } from './couldEdges.ts';

export const NODE_WIDTH = 230;
const NODE_HEIGHT = 96;

export interface StepNodeData extends Record<string, unknown> {
  index: number;
  name: string;
  chips: string[];
}

const id = (step: number | 'start') => (step === 'start' ? 'start' : `s${step}`);

/**
 * A node's expected size and its handles there. Without them React Flow renders every node once
 * to measure it, even with only the visible ones wanted: 1,000 nodes twice per open. The real
 * size and handles replace these as soon as a node is on screen.
 */
function sized(width: number, height: number, source = true, target = true): Pick<Node, 'initialWidth' | 'initialHeight' | 'handles'> {
  const x = width / 2;
  return {
    initialWidth: width,
    initialHeight: height,
    handles: [
      ...(target ? [{ type: 'target' as const, position: Position.Top, x, y: 0, width: 1, height: 1 }] : []),
      ...(source ? [{ type: 'source' as const, position: Position.Bottom, x, y: height, width: 1, height: 1 }] : []),
    ],
  };
}
const START = sized(110, 36, true, false);
const END = sized(130, 36, false, true);
const STEP = sized(NODE_WIDTH, NODE_HEIGHT);

/** Until the steps have been read, nodes stand in list order; dagre needs the edges to be useful. */
function columnLayout(names: readonly string[]): Node[] {
  const x = 0;
  return [
    { id: 'start', type: 'terminal', position: { x: x + (NODE_WIDTH - 110) / 2, y: 0 }, data: { kind: 'start' }, ...START },
    ...names.map((name, index): Node<StepNodeData> => ({
      id: `s${index}`,
      type: 'step',
      position: { x, y: 60 + index * (NODE_HEIGHT + 40) },
      data: { index, name, chips: [] },
      ...STEP,
    })),
    { id: 'end', type: 'terminal', position: { x: x + (NODE_WIDTH - 130) / 2, y: 60 + names.length * (NODE_HEIGHT + 40) }, data: { kind: 'end' }, ...END },
  ];
}

const chipsOf = (check: StepCheck | undefined) => (check?.leaves ?? []).map((leaf) => (leaf.path === '(condition)' ? String(leaf.actual) : chipText(leaf)));

/** The laid-out nodes with each step's condition chips as the checks now say; positions stay. */
export function withChips(nodes: Node[], checks: readonly (StepCheck | undefined)[]): Node[] {
  return nodes.map((node) => {
    if (node.type !== 'step') return node;
    const data = node.data as StepNodeData;
    const chips = chipsOf(checks[data.index]);
    return chips.join('\u0000') === data.chips.join('\u0000') ? node : { ...node, data: { ...data, chips } };
  });
}

/** Node positions, laid out once per change of steps or of their read/write paths. */
export function layoutNodes(names: readonly string[], checks: readonly StepCheck[]): Node[] {
  if (checks.length !== names.length) return columnLayout(names);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 56, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode('start', { width: 110, height: 36 });
  g.setNode('end', { width: 130, height: 36 });
  names.forEach((_, i) => g.setNode(`s${i}`, { width: NODE_WIDTH, height: NODE_HEIGHT }));
  // Only the edges drawn with nothing selected: all "could" pairs would make dagre O(steps²).
  for (const edge of shownPairs(couldIndex(checks))) if (edge.from < edge.to) g.setEdge(`s${edge.from}`, `s${edge.to}`);
  names.forEach((_, i) => {
    if (g.inEdges(`s${i}`)?.length === 0) g.setEdge('start', `s${i}`);
    if (g.outEdges(`s${i}`)?.length === 0) g.setEdge(`s${i}`, 'end');
  });
  if (names.length === 0) g.setEdge('start', 'end');
  dagre.layout(g);
  const at = (nodeId: string, w: number, h: number) => {
    const { x, y } = g.node(nodeId);
    return { x: x - w / 2, y: y - h / 2 };
  };
  return [
    { id: 'start', type: 'terminal', position: at('start', 110, 36), data: { kind: 'start' }, draggable: true, ...START },
    ...names.map((name, index): Node<StepNodeData> => ({
      id: `s${index}`,
      type: 'step',
      position: at(`s${index}`, NODE_WIDTH, NODE_HEIGHT),
      data: { index, name, chips: chipsOf(checks[index]) },
      ...STEP,
    })),
    { id: 'end', type: 'terminal', position: at('end', 130, 36), data: { kind: 'end' }, ...END },
  ];
}

const couldLabel = (p: CouldPair) => (p.more ? `${p.path} · ${p.more} steps` : p.path);

/**
 * A "could" edge carries its label for hovering only: drawn on every edge, identical labels
 * stacked up, and measuring each one cost a layout pass per edge on opening.
 */
function couldEdge(edgeId: string, p: CouldPair, label: string): Edge {
  const more = p.more ? ` (and ${p.more - 1} more steps)` : '';
  return {
    id: edgeId,
    source: id(p.from),
    target: id(p.to),
    data: { hoverLabel: label },
    ariaLabel: `Step ${p.from + 1} could enable step ${p.to + 1}${more}: ${p.path}`,
  };
}

/** The edges with the hovered one's label shown. */
export function withHoverLabel(edges: Edge[], hovered: string | null): Edge[] {
  if (hovered === null) return edges;
  return edges.map((e) => (e.id === hovered && typeof e.data?.hoverLabel === 'string' ? { ...e, label: e.data.hoverLabel } : e));
}

/** The graph's edges with nothing selected: what happened (causal), what could (grouped), redos, end. */
export function buildEdges(could: CouldIndex, causal: readonly CausalEdge[], redos: readonly number[], lastRan: number | null): Edge[] {
  const edges: Edge[] = [];
  const causalKeys = new Set(causal.map((e) => `${e.from}->${e.to}`));
  for (const e of causal) {
    if (e.from === e.to) continue;
    const key = `${e.from}->${e.to}`;
    edges.push({
      id: `c:${key}`,
      source: id(e.from),
      target: id(e.to),
      label: e.count > 1 ? `${e.path} ×${e.count}` : e.path,
      className: 'causal',
    });
  }
  for (const p of shownPairs(could)) {
    if (causalKeys.has(`${p.from}->${p.to}`)) continue;
    edges.push({ ...couldEdge(`p:${p.from}->${p.to}`, p, couldLabel(p)), className: p.more ? 'potential grouped' : 'potential' });
  }
  edges.push(...runEdges(redos, lastRan));
  return edges;
}

const loopCache = new Map<string, Edge>();

/** Redo loops and the edge into the end node at the cursor; unchanged edges keep their identity. */
export function runEdges(redos: readonly number[], lastRan: number | null): Edge[] {
  if (loopCache.size > 10_000) loopCache.clear();
  const edges: Edge[] = [];
  redos.forEach((count, i) => {
    if (count <= 0) return;
    const key = `${i}:${count}`;
    if (!loopCache.has(key))
      loopCache.set(key, { id: `redo:${i}`, source: `s${i}`, target: `s${i}`, type: 'loop', label: `redo ×${count}`, className: 'causal' });
    edges.push(loopCache.get(key)!);
  });
  if (lastRan !== null) edges.push({ id: 'end', source: `s${lastRan}`, target: 'end', className: 'causal' });
  return edges;
}

/** The edge into the step at the cursor, as a style rule (ids are `c:from->to`, digits or "start"). */
export function activeEdgeCss(active: string | null): string {
  if (!active || !/^(start|\d+)->\d+$/.test(active)) return '';
  const edge = `.react-flow__edge[data-id="c:${active}"] .react-flow__edge-path`;
  return `${edge} { stroke: var(--running); stroke-width: 2.4; stroke-dasharray: 5; animation: dashdraw 0.5s linear infinite; }
@media (prefers-reduced-motion: reduce) { ${edge} { animation: none; stroke-dasharray: none; } }`;
}

/** Every "could" edge into and out of the focused steps (selected, hovered) not already drawn. */
export function focusEdges(could: CouldIndex, focus: readonly (number | null)[], drawn: readonly Edge[]): Edge[] {
  const steps = [...new Set(focus.filter((s): s is number => s !== null && s >= 0 && s < could.out.length))];
  if (steps.length === 0) return [];
  const have = new Set(drawn.map((e) => `${e.source}->${e.target}`));
  const edges: Edge[] = [];
  for (const step of steps) {
    for (const p of pairsAround(could, step)) {
      const key = `${id(p.from)}->${id(p.to)}`;
      if (have.has(key)) continue;
      have.add(key);
      edges.push({ ...couldEdge(`f:${p.from}->${p.to}`, p, p.path), className: 'potential focus' });
    }
  }
  return edges;
}
