// A step that called step.redo() gets a loop on its right side, labelled with the count.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { NODE_WIDTH } from './buildGraph.ts';

export function LoopEdge({ id, sourceX, sourceY, targetY, label, style, markerEnd }: EdgeProps) {
  const x = sourceX + NODE_WIDTH / 2;
  const top = targetY + 18;
  const bottom = sourceY - 18;
  const path = `M ${x} ${bottom} C ${x + 60} ${bottom}, ${x + 60} ${top}, ${x} ${top}`;
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} />
      <EdgeLabelRenderer>
        <div className="chip" style={{ position: 'absolute', transform: `translate(${x + 44}px, ${(top + bottom) / 2 - 8}px)` }}>{label}</div>
      </EdgeLabelRenderer>
    </>
  );
}
