// The graph: steps as nodes, edges from reading the code and from the run, laid out by dagre.
import { Background, ControlButton, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { causalEdges, ROOT } from '../../state/replay.ts';
import { selectStep, useWorkspace } from '../../state/workspaceStore.ts';
import { guess, useQuiz } from '../../state/quiz.ts';
import { activeEdgeCss, buildEdges, focusEdges, layoutNodes, runEdges, withChips, withHoverLabel } from './buildGraph.ts';
import { useBringIntoView, useShowNode } from './useBringIntoView.ts';
import { useGraphFit } from './useGraphFit.ts';
import { couldIndex } from './couldEdges.ts';
import { useHover } from '../../state/hoverStore.ts';
import { startupFinished } from '../app/safeStart.ts';
import { LoopEdge } from './LoopEdge.tsx';
import { PlacedEdge } from './PlacedEdge.tsx';
import { usePlacedLabels } from './usePlacedLabels.ts';
import { OverviewMap } from './OverviewMap.tsx';
import { Narration } from './Narration.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { GraphLegend } from './GraphLegend.tsx';

const fileBase = () =>
  `${useWorkspace
    .getState()
    .workspace.name.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')}-graph`;
import { StepNode, TerminalNode } from './StepNode.tsx';
import { sessionState, useSession } from '../../state/currentSession.ts';

const nodeTypes = { step: StepNode, terminal: TerminalNode };
const edgeTypes = { default: PlacedEdge, loop: LoopEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };

export function Graph() {
  const names = useWorkspace((s) => s.workspace.steps.map((step) => step.name).join('\u0000'));
  const checks = useSession((s) => s.checks);
  const events = useSession((s) => s.events);
  const redos = useSession((s) => s.frame.redos);
  const active = useSession((s) => s.activeEdge);
  const status = useSession((s) => s.frame.status);
  const { zoomIn, zoomOut } = useReactFlow();
  const fit = useGraphFit();
  // The panel's size: the lesson bar, the paused bar or a resized panel change it.
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);

  const stepNames = useMemo(() => (names ? names.split('\u0000') : []), [names]);
  // Lay out again only when the steps or the paths they read and write change (what the edges
  // are made of): typing a condition's value updates its chips in place, and nothing moves.
  const structure = useMemo(() => JSON.stringify([checks.length, checks.map((c) => [c?.reads, c?.writes])]), [checks]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- lay out again only when steps or their paths change
  const laidOut = useMemo(() => layoutNodes(stepNames, checks), [stepNames, structure]);
  const nodes = useMemo(() => withChips(laidOut, checks), [laidOut, checks]);
  const reads = useMemo(() => checks.map((c) => c?.reads ?? []), [checks]);
  const causal = useMemo(() => causalEdges(events, reads), [events, reads]);
  const lastRan = useMemo(() => {
    if (status === null) return null;
    const last = events.findLast((e) => (e.kind === 'step-finished' || e.kind === 'step-failed') && e.task === ROOT);
    return last && (last.kind === 'step-finished' || last.kind === 'step-failed') ? last.step : null;
  }, [events, status]);
  // "Could" edges, grouped by path: worked out once per change of the steps, not per cursor move.
  // All of them are drawn only around the selected and the hovered step, so edges stay O(steps).
  const could = useMemo(() => couldIndex(checks), [checks]);
  const baseEdges = useMemo(() => buildEdges(could, causal, [], null), [could, causal]);
  const redoKey = `${redos.join()}|${lastRan}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a count or the last step changes
  const loops = useMemo(() => runEdges(redos, lastRan), [redoKey]);
  const selected = useWorkspace((s) => s.selectedStep);
  const hovered = useHover((s) => s.step);
  const around = useMemo(() => focusEdges(could, [selected, hovered], baseEdges), [could, selected, hovered, baseEdges]);
  // Moving the cursor changes no edge: React Flow rebuilds its lookup of every edge whenever the
  // array changes, so the edge into the running step is marked by a style rule, not a new array.
  const [hoveredEdge, setHoveredEdge] = useState<string | null>(null);
  const shown = useMemo(() => [...baseEdges, ...loops, ...around], [baseEdges, loops, around]);
  const placed = usePlacedLabels(shown);
  const edges: Edge[] = useMemo(() => withHoverLabel(placed, hoveredEdge), [placed, hoveredEdge]);

  const showNode = useShowNode();
  useEffect(() => {
    const final = checks.length === stepNames.length;
    // A fit (a new layout, or a pane that changed size) keeps the step at the cursor on screen.
    const id = requestAnimationFrame(() => (fit('readable'), showNode(sessionState().frame.run?.step ?? null, 0), final && startupFinished()));
    return () => cancelAnimationFrame(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per layout, and when the panel changes size
  }, [laidOut, fit, paneWidth, paneHeight]);

  useBringIntoView(selected);

  // Keys act only while the graph has focus. Nodes are focusable (Tab); Enter or Space selects
  // the step, or answers the quiz; + and - zoom.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === '+' || e.key === '=' || e.key === '-') {
      e.preventDefault();
      void (e.key === '-' ? zoomOut({ duration: 150 }) : zoomIn({ duration: 150 }));
      return;
    }
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const id = (e.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
    if (!id?.startsWith('s')) return;
    e.preventDefault();
    const index = Number(id.slice(1));
    if (useQuiz.getState().asking !== null) guess(index);
    else selectStep(index);
  };

  return (
    <ReactFlow
      onKeyDown={onKeyDown}
      data-layout={checks.length === stepNames.length ? 'final' : 'provisional'}
      data-node-count={stepNames.length}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      onEdgeMouseEnter={(_, edge) => setHoveredEdge(edge.id)}
      onEdgeMouseLeave={() => setHoveredEdge(null)}
      nodesConnectable={false}
      nodesDraggable={false}
      // React Flow listens for these keys on the whole document and cancels them; Monaco's input
      // is not a field it recognises, so Space never reached the editors. Keys act only here.
      panActivationKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      deleteKeyCode={null}
      zoomActivationKeyCode={null}
      onlyRenderVisibleElements
      minZoom={0.1}
      proOptions={{ hideAttribution: true }}
    >
      <style>{activeEdgeCss(active)}</style>
      <Background gap={20} size={1} />
      <FollowCursor />
      <OverviewMap />
      {/* Opening and resizing fit at a readable size; this button shows the whole graph, however small. */}
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton className="react-flow__controls-fitview" onClick={() => fit('all')} aria-label="Fit view" title="Fit the whole graph">
          <FitIcon />
        </ControlButton>
      </Controls>
    </ReactFlow>
  );
}

/**
 * Keeps the step at the cursor on screen. A component of its own, so a cursor move re-renders
 * it and not the graph. Not while a run streams in (the graph would jump at every delivery), and
 * without an animation, so scrubbing a long run does not pan for every position it passes.
 */
function FollowCursor() {
  const step = useSession((s) => (s.phase === 'running' ? null : (s.frame.run?.step ?? null)));
  useBringIntoView(step, 0);
  return null;
}

const FitIcon = () => (
  <svg viewBox="0 0 32 30" aria-hidden>
    <path d="M0 10V4a4 4 0 0 1 4-4h6v4H4v6zm22-10h6a4 4 0 0 1 4 4v6h-4V4h-6zm10 20v6a4 4 0 0 1-4 4h-6v-4h6v-6zM10 30H4a4 4 0 0 1-4-4v-6h4v6h6z" />
  </svg>
);

export function GraphPanel() {
  return (
    <section className="panel" aria-label="Graph" data-testid="graph">
      <ReactFlowProvider>
        <div className="panel-title">
          Graph <GraphLegend />
          <span style={{ marginLeft: 'auto', display: 'flex', gap: 4, textTransform: 'none' }}>
            <ExportButtons fileName={fileBase} />
          </span>
        </div>
        <div className="panel-body" style={{ overflow: 'hidden' }}>
          <Graph />
        </div>
        <Narration />
      </ReactFlowProvider>
    </section>
  );
}
