// The graph's ordinary edge: React Flow's bezier, with its label where labelPlacement.ts found
// room for it (data.labelAt, a point along the curve) instead of always at the middle.
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { edgeCurve } from './labelPlacement.ts';

function PlacedEdgeView(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, label, data, style, markerEnd, markerStart, interactionWidth } = props;
  const curve = edgeCurve({ x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  const at = curve.at(typeof data?.labelAt === 'number' ? data.labelAt : 0.5);
  return (
    <BaseEdge
      id={id}
      path={curve.path}
      label={label}
      labelX={at.x}
      labelY={at.y}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
      style={style}
      markerEnd={markerEnd}
      markerStart={markerStart}
      interactionWidth={interactionWidth}
    />
  );
}

export const PlacedEdge = memo(PlacedEdgeView);
