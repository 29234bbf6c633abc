// Fitting the graph at a size people can read (issue 14): node titles at 11 px on screen or more
// and condition chips at 10 px. A graph that fits at that size is fitted whole; a bigger one keeps
// the readable zoom and shows where the flow starts, and people pan (or press fit to see it all).
import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';

export const FIT_PADDING = 0.25;
/** On-screen sizes, in px, below which text in the graph is too small to read. */
export const MIN_TITLE_PX = 11;
export const MIN_CHIP_PX = 10;
const MARGIN = 16;

const fontPx = (root: Element | null, selector: string, fallback: number) => {
  const el = root?.querySelector(selector);
  return (el && parseFloat(getComputedStyle(el).fontSize)) || fallback;
};

/** The smallest zoom at which titles and chips stay readable, from their CSS sizes (presenter mode's are bigger). */
export function readableZoom(root: Element | null): number {
  const zoom = Math.max(MIN_TITLE_PX / fontPx(root, '.step-node .name', 12), MIN_CHIP_PX / fontPx(root, '.step-node .chip', 10.5));
  return Math.ceil(zoom * 100) / 100;
}

const clamp = (value: number, lo: number, hi: number) => Math.min(Math.max(value, lo), hi);

/**
 * The viewport for a graph with these bounds in a pane of this size: the whole graph if it can be
 * read that way, else the readable zoom with the top of the flow in view and, across, the start
 * node (`focusX`) centred as far as the graph's edges allow.
 */
export function readableViewport(bounds: Rect, width: number, height: number, floor: number, maxZoom: number, focusX?: number): Viewport {
  const fit = getViewportForBounds(bounds, width, height, 0, maxZoom, FIT_PADDING);
  if (fit.zoom >= floor) return fit;
  const zoom = floor;
  const axis = (lo: number, size: number, pane: number, focus: number) => {
    if (size * zoom + 2 * MARGIN <= pane) return pane / 2 - (lo + size / 2) * zoom;
    return clamp(pane / 2 - focus * zoom, pane - MARGIN - (lo + size) * zoom, MARGIN - lo * zoom);
  };
  return {
    zoom,
    x: axis(bounds.x, bounds.width, width, focusX ?? bounds.x + bounds.width / 2),
    y: axis(bounds.y, bounds.height, height, bounds.y),
  };
}
