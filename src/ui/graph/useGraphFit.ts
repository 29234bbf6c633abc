// Fits the graph at a readable size (readableFit.ts) from React Flow's own view of the nodes:
// laid-out positions, and measured sizes where a node has been drawn (its expected size before).
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { readableViewport, readableZoom } from './readableFit.ts';

/** Fits the graph: 'readable' at a size people can read, 'all' the whole graph however small (the fit button). */
export function useGraphFit(): (mode: 'readable' | 'all') => void {
  const store = useStoreApi();
  const { getNodesBounds, setViewport } = useReactFlow();
  // setViewport acts at once; React Flow's own fitView waits for a nodes update when it is given
  // its nodes (as here) and some were never drawn, so its fit button did nothing until then.
  return useCallback(
    (mode) => {
      const { nodeLookup, width, height, minZoom, maxZoom, domNode } = store.getState();
      if (!width || !height || nodeLookup.size === 0) return;
      const start = nodeLookup.get('start');
      const startX = start && start.internals.positionAbsolute.x + (start.measured.width ?? start.initialWidth ?? 0) / 2;
      const bounds = getNodesBounds([...nodeLookup.keys()]);
      void setViewport(readableViewport(bounds, width, height, mode === 'all' ? minZoom : readableZoom(domNode), maxZoom, startX), { duration: 0 });
    },
    [store, getNodesBounds, setViewport],
  );
}
