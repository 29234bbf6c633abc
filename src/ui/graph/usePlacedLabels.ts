// The edges with their labels placed clear of nodes and of each other (labelPlacement.ts), from
// React Flow's node boxes. Placed again only when a node's box changes (drawn, resized, moved):
// moving the cursor leaves the edge array alone.
import { useStore, useStoreApi, type Edge, type ReactFlowState } from '@xyflow/react';
import { useMemo } from 'react';
import { placeLabels, type Box, type LabelRequest } from './labelPlacement.ts';
import { loopGeometry } from './LoopEdge.tsx';
import { handlePoint, nodeBox } from './nodeGeometry.ts';

/** A number that changes when any node's box does; cheap enough to run on every store update. */
function boxesHash(s: ReactFlowState): number {
  let hash = s.nodeLookup.size;
  for (const n of s.nodeLookup.values()) {
    const { x, y } = n.internals.positionAbsolute;
    hash = (hash * 31 + (n.measured.width ?? 0) * 7 + (n.measured.height ?? 0) * 3 + x * 5 + y) | 0;
  }
  return hash;
}

/** A redo loop's count chip (LoopEdge): 10.5 px monospace, padded 1 × 4 px. */
const loopBox = (text: string, x: number, y: number): Box => ({ x, y: y - 8, width: text.length * 6.4 + 8, height: 17 });

export function usePlacedLabels(edges: Edge[]): Edge[] {
  const store = useStoreApi();
  const boxes = useStore(boxesHash);
  return useMemo(() => {
    const { nodeLookup } = store.getState();
    const requests: LabelRequest[] = [];
    const fixed: Box[] = [];
    for (const e of edges) {
      const source = nodeLookup.get(e.source);
      const target = nodeLookup.get(e.target);
      if (typeof e.label !== 'string' || !source || !target) continue;
      const from = handlePoint(source, 'source');
      const to = handlePoint(target, 'target');
      if (e.type === 'loop') {
        const loop = loopGeometry(from.x, from.y, to.y);
        fixed.push(loopBox(e.label, loop.labelX, loop.labelY));
      } else requests.push({ id: e.id, text: e.label, source: e.source, from, to });
    }
    if (requests.length === 0) return edges;
    const placed = placeLabels(requests, [...nodeLookup.values()].map(nodeBox), fixed);
    return edges.map((e) => {
      if (!placed.has(e.id)) return e;
      const t = placed.get(e.id);
      if (t === null) return { ...e, label: undefined, data: { ...e.data, hoverLabel: e.label } };
      return { ...e, data: { ...e.data, labelAt: t } };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `boxes` stands for the node boxes read from the store
  }, [edges, boxes, store]);
}
