// Selecting a step (in the list, the editor or Errors) brings its node into view when it is
// off screen, at the same zoom; a node already in view does not move.
import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect } from 'react';

export function useBringIntoView(step: number): void {
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    const node = getInternalNode(`s${step}`);
    if (!node || width === 0) return;
    const { x: vx, y: vy, zoom } = getViewport();
    const w = node.measured.width ?? node.initialWidth ?? 0;
    const h = node.measured.height ?? node.initialHeight ?? 0;
    const { x, y } = node.internals.positionAbsolute;
    const left = x * zoom + vx;
    const top = y * zoom + vy;
    if (left >= 0 && top >= 0 && left + w * zoom <= width && top + h * zoom <= height) return;
    void setCenter(x + w / 2, y + h / 2, { zoom, duration: 200 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the selection changes: panning away from it is the person's choice
  }, [step]);
}
