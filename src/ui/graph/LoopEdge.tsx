// A step that called step.redo() gets a loop on its right side, labelled with the count.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { NODE_WIDTH } from './buildGraph.ts';

/** The loop's curve and its label's left edge (x, y is the label's middle); the SVG export draws the same. */
export function loopGeometry(sourceX: number, sourceY: number, targetY: number) {
  const x = sourceX + NODE_WIDTH / 2;
  const top = targetY + 18;
  const bottom = sourceY - 18;
  return { path: `M ${x} ${bottom} C ${x + 60} ${bottom}, ${x + 60} ${top}, ${x} ${top}`, labelX: x + 44, labelY: (top + bottom) / 2 };
}

export function LoopEdge({ id, sourceX, sourceY, targetY, label, style, markerEnd }: EdgeProps) {
  const { path, labelX, labelY } = loopGeometry(sourceX, sourceY, targetY);
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />
      <EdgeLabelRenderer>
        <div className="chip" style={{ position: 'absolute', transform: `translate(${labelX}px, ${labelY - 8}px)` }}>
          {label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
