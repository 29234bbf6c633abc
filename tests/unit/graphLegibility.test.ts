// The graph's readable fit and its label placement (issue 14): a graph too big to read whole keeps
// the readable zoom and shows where the flow starts; labels never cover a node or each other, the
// same words from one step are shown once, and a label with no room waits for hovering.
import { describe, expect, it } from 'vitest';
import { edgeCurve, labelBox, placeLabels, type Box, type LabelRequest } from '../../src/ui/graph/labelPlacement.ts';
import { readableViewport } from '../../src/ui/graph/readableFit.ts';

const meet = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('readableViewport', () => {
  it('fits a small graph whole, above the readable zoom', () => {
    const v = readableViewport({ x: 0, y: 0, width: 230, height: 280 }, 644, 404, 0.96, 2);
    expect(v.zoom).toBeGreaterThan(0.96);
    expect(v.y).toBeGreaterThan(0);
    expect(v.y + 280 * v.zoom).toBeLessThan(404);
  });

  it('keeps the readable zoom for a tall graph, its top in view and centred across', () => {
    const v = readableViewport({ x: 0, y: 0, width: 230, height: 3000 }, 644, 404, 0.96, 2);
    expect(v.zoom).toBe(0.96);
    expect(v.y).toBe(16);
    expect(v.x + 115 * v.zoom).toBeCloseTo(322);
  });

  it('centres a wide graph on the start node without leaving empty space at either side', () => {
    const bounds = { x: 0, y: 0, width: 2000, height: 300 };
    const atStart = readableViewport(bounds, 644, 404, 0.96, 2, 1000);
    expect(atStart.x + 1000 * 0.96).toBeCloseTo(322);
    const startAtLeft = readableViewport(bounds, 644, 404, 0.96, 2, 50);
    expect(startAtLeft.x).toBe(16);
    const startAtRight = readableViewport(bounds, 644, 404, 0.96, 2, 1990);
    expect(startAtRight.x + 2000 * 0.96).toBe(644 - 16);
  });

  it('fits everything when asked to (the fit button), however small', () => {
    const v = readableViewport({ x: 0, y: 0, width: 550, height: 30_000 }, 644, 404, 0.1, 2);
    expect(v.zoom).toBe(0.1);
  });
});

describe('placeLabels', () => {
  const node = (x: number, y: number): Box => ({ x, y, width: 230, height: 96 });
  const request = (id: string, source: string, text: string, from: [number, number], to: [number, number]): LabelRequest => ({
    id,
    text,
    source,
    from: { x: from[0], y: from[1] },
    to: { x: to[0], y: to[1] },
  });
  const boxOf = (r: LabelRequest, t: number) => labelBox(r.text, edgeCurve(r.from, r.to).at(t));

  it('puts a label at its edge’s middle when there is room', () => {
    expect(placeLabels([request('a', 's0', 'order.status', [115, 96], [115, 300])], [node(0, 0), node(0, 300)]).get('a')).toBe(0.5);
  });

  it('moves labels off the nodes and off each other', () => {
    // Two edges from one step to two close targets, with different words, and a node in the way.
    const nodes = [node(0, 0), node(-200, 260), node(200, 260), node(0, 140)];
    const requests = [request('a', 's0', 'order.status', [115, 96], [-85, 260]), request('b', 's0', 'customer.tier', [115, 96], [315, 260])];
    const placed = placeLabels(requests, nodes);
    const boxes = requests.filter((r) => placed.get(r.id) !== null).map((r) => boxOf(r, placed.get(r.id)!));
    expect(boxes).toHaveLength(2);
    for (const [i, b] of boxes.entries()) {
      for (const n of nodes) expect(meet(b, n)).toBe(false);
      for (const other of boxes.slice(i + 1)) expect(meet(b, other)).toBe(false);
    }
  });

  it('shows the same words from one step once, near that step', () => {
    const requests = ['a', 'b', 'c'].map((id, i) => request(id, 'start', 'start', [115, 36], [-300 + i * 300, 300]));
    const placed = placeLabels(requests, [node(0, 300), node(-300, 300), node(300, 300)]);
    const shown = [...placed.values()].filter((t) => t !== null);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toBeLessThan(0.5);
  });

  it('leaves a label with no free spot for hovering', () => {
    // The edge runs behind a node that covers it from end to end.
    const placed = placeLabels([request('a', 's0', 'order.status', [115, 96], [115, 200])], [{ x: -100, y: 80, width: 430, height: 140 }]);
    expect(placed.get('a')).toBeNull();
  });
});
