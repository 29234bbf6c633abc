// A node's box and handle points as React Flow holds them: measured once drawn, expected before.
import type { InternalNode } from '@xyflow/react';

export const nodeSize = (n: InternalNode) => ({
  width: n.measured?.width ?? n.width ?? n.initialWidth ?? 0,
  height: n.measured?.height ?? n.height ?? n.initialHeight ?? 0,
});

export const nodeBox = (n: InternalNode) => ({ ...n.internals.positionAbsolute, ...nodeSize(n) });

/** Where an edge meets a node: its handle's middle, bottom for sources and top for targets. */
export function handlePoint(n: InternalNode, type: 'source' | 'target'): { x: number; y: number } {
  const { x, y } = n.internals.positionAbsolute;
  const h = n.internals.handleBounds?.[type]?.[0] ?? n.handles?.find((handle) => handle.type === type);
  if (h) return { x: x + h.x + (h.width ?? 1) / 2, y: y + h.y + (type === 'source' ? (h.height ?? 1) : 0) };
  const { width, height } = nodeSize(n);
  return { x: x + width / 2, y: type === 'source' ? y + height : y };
}
