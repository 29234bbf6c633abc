// Brings a step's node into view when it is off screen, at the same zoom; a node already in view
// does not move. The graph uses it for the selection (the list, the editor, Errors) and for the
// step at the cursor, so the node a replay is on stays on screen.
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect } from 'react';

/** Pans, if needed, so the node of `step` is inside the pane. */
export function useShowNode(): (step: number | null, duration?: number) => void {
  const store = useStoreApi();
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  return useCallback(
    (step, duration = 200) => {
      const node = step === null ? undefined : getInternalNode(`s${step}`);
      const { width, height } = store.getState();
      if (!node || width === 0) return;
      const { x: vx, y: vy, zoom } = getViewport();
      const w = node.measured.width ?? node.initialWidth ?? 0;
      const h = node.measured.height ?? node.initialHeight ?? 0;
      const { x, y } = node.internals.positionAbsolute;
      const left = x * zoom + vx;
      const top = y * zoom + vy;
      if (left >= 0 && top >= 0 && left + w * zoom <= width && top + h * zoom <= height) return;
      void setCenter(x + w / 2, y + h / 2, { zoom, duration });
    },
    [store, getInternalNode, getViewport, setCenter],
  );
}

/** Shows the node of `step` each time `step` changes (panning away from it is the person's choice). */
export function useBringIntoView(step: number | null, duration = 200): void {
  const show = useShowNode();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the step changes
  useEffect(() => show(step, duration), [step]);
}
