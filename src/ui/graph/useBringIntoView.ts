// Brings a step's node into view when it is off screen, at the same zoom; a node already in view
// does not move. The graph uses it for the selection (the list, the editor, Errors) and for the
// step at the cursor, so the node a replay is on stays on screen.
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect } from 'react';

/** Room kept between a node brought into view and the pane's edge. */
const MARGIN = 24;

/** How far to move a view along one axis so [lo, hi] (screen px) fits in [0, size]: the least move. */
function nudge(lo: number, hi: number, size: number): number {
  if (lo >= 0 && hi <= size) return 0;
  if (hi - lo > size - 2 * MARGIN || lo < 0) return MARGIN - lo;
  return size - MARGIN - hi;
}

/**
 * Pans, if needed, by the least amount that puts the node of `step` inside the pane, so as much
 * of what was on screen stays there (like scrolling a line into view in an editor).
 */
export function useShowNode(): (step: number | null, duration?: number) => void {
  const store = useStoreApi();
  const { getInternalNode, getViewport, setViewport } = useReactFlow();
  return useCallback(
    (step, duration = 200) => {
      const node = step === null ? undefined : getInternalNode(`s${step}`);
      const { width, height } = store.getState();
      if (!node || width === 0) return;
      const { x: vx, y: vy, zoom } = getViewport();
      const w = (node.measured.width ?? node.initialWidth ?? 0) * zoom;
      const h = (node.measured.height ?? node.initialHeight ?? 0) * zoom;
      const left = node.internals.positionAbsolute.x * zoom + vx;
      const top = node.internals.positionAbsolute.y * zoom + vy;
      const dx = nudge(left, left + w, width);
      const dy = nudge(top, top + h, height);
      if (dx !== 0 || dy !== 0) void setViewport({ x: vx + dx, y: vy + dy, zoom }, { duration });
    },
    [store, getInternalNode, getViewport, setViewport],
  );
}

/** Shows the node of `step` each time `step` changes (panning away from it is the person's choice). */
export function useBringIntoView(step: number | null, duration = 200): void {
  const show = useShowNode();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the step changes
  useEffect(() => show(step, duration), [step]);
}
