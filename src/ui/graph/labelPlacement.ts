// Where edge labels sit, so that none covers another label or a node (issue 14). Each label tries
// a few spots along its edge's curve, middle first; labels that say the same thing from the same
// step are shown once, near that step, where the edges still run together; a label with no free
// spot is left for hovering. Pure: the graph, the SVG export and the tests place labels alike.
import { getBezierPath, Position } from '@xyflow/react';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface LabelRequest {
  id: string;
  text: string;
  source: string;
  from: Point;
  to: Point;
}

/** A label's box as the graph draws it: 10 px monospace text, padded 2 × 4 px (React Flow's EdgeText). */
export const labelBox = (text: string, at: Point): Box => {
  const width = text.length * 6.1 + 6;
  const height = 22;
  return { x: at.x - width / 2, y: at.y - height / 2, width, height };
};

/** The edge's curve from a source's bottom to a target's top, as React Flow's default edge draws it. */
export function edgeCurve(from: Point, to: Point): { path: string; at(t: number): Point } {
  const [path] = getBezierPath({
    sourceX: from.x,
    sourceY: from.y,
    sourcePosition: Position.Bottom,
    targetX: to.x,
    targetY: to.y,
    targetPosition: Position.Top,
  });
  const [x0, y0, x1, y1, x2, y2, x3, y3] = (path.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number);
  const at = (t: number) => {
    const u = 1 - t;
    const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return { x: a * x0 + b * x1 + c * x2 + d * x3, y: a * y0 + b * y1 + c * y2 + d * y3 };
  };
  return { path, at };
}

const MIDDLE_FIRST = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
const NEAR_SOURCE = [0.3, 0.22, 0.4, 0.5, 0.15, 0.6, 0.7];
const GAP = 2;
const CELL = 200;

/** A grid of boxes, so that a thousand nodes cost a few look-ups per spot tried, not a thousand. */
function boxGrid() {
  const cells = new Map<string, Box[]>();
  const keys = (b: Box) => {
    const out: string[] = [];
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.width) / CELL); cx++)
      for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.height) / CELL); cy++) out.push(`${cx},${cy}`);
    return out;
  };
  const hits = (a: Box, b: Box) => a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
  return {
    add: (b: Box) => keys(b).forEach((k) => (cells.get(k) ?? cells.set(k, []).get(k)!).push(b)),
    free: (b: Box) => keys(b).every((k) => !(cells.get(k) ?? []).some((o) => hits(b, o))),
  };
}

/**
 * Per label: where along its edge it sits (0–1 of the curve), or null where it is shown only on
 * hover (merged into another, or no free spot). `fixed` are boxes already drawn (the redo loops').
 */
export function placeLabels(labels: readonly LabelRequest[], nodes: readonly Box[], fixed: readonly Box[] = []): Map<string, number | null> {
  const grid = boxGrid();
  [...nodes, ...fixed].forEach(grid.add);
  const groups = new Map<string, LabelRequest[]>();
  for (const l of labels) (groups.get(`${l.source}\u0000${l.text}`) ?? groups.set(`${l.source}\u0000${l.text}`, []).get(`${l.source}\u0000${l.text}`)!).push(l);
  const placed = new Map<string, number | null>();
  for (const group of groups.values()) {
    group.forEach((l) => placed.set(l.id, null));
    const spots = group.length > 1 ? NEAR_SOURCE : MIDDLE_FIRST;
    found: for (const t of spots)
      for (const l of group) {
        const box = labelBox(l.text, edgeCurve(l.from, l.to).at(t));
        if (!grid.free(box)) continue;
        grid.add(box);
        placed.set(l.id, t);
        break found;
      }
  }
  return placed;
}
