// The graph as a drawing: plain SVG built from the graph's model (boxes, paths, labels), with
// the state colours and a legend. Pure: no DOM, so it is unit-tested and the PNG is drawn from it.

/** The colours and fonts, read from the app's CSS custom properties at export time. */
export const PALETTE_VARS = {
  bg: '--bg',
  panel: '--panel',
  panel2: '--panel-2',
  border: '--border',
  text: '--text',
  muted: '--muted',
  accent: '--accent',
  ready: '--ready',
  running: '--running',
  ran: '--ran',
  failed: '--failed',
  waiting: '--waiting',
  readyInk: '--ready-ink',
  runningInk: '--running-ink',
  ranInk: '--ran-ink',
  failedInk: '--failed-ink',
  sans: '--sans',
  mono: '--mono',
} as const;
export type Palette = Record<keyof typeof PALETTE_VARS, string>;
type Tone = 'ready' | 'running' | 'ran' | 'failed' | 'waiting' | 'plain';

export interface DrawnNode {
  id: string;
  kind: 'step' | 'start' | 'end';
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  /** Steps: the state at the cursor (ready, ran, …) with its icon and word. End: the run's status. */
  state: string;
  icon: string;
  word: string;
  count: number;
  chips: readonly string[];
}
export type EdgeKind = 'causal' | 'active' | 'could' | 'focus' | 'loop';
export interface DrawnEdge {
  id: string;
  kind: EdgeKind;
  /** The path as the graph draws it (xyflow's bezier, or the loop's curve). */
  d: string;
  label?: { text: string; x: number; y: number; align: 'center' | 'start' };
}
export interface Drawing {
  nodes: readonly DrawnNode[];
  edges: readonly DrawnEdge[];
}

const STATE_TONE: Record<string, Tone> = {
  ready: 'ready',
  running: 'running',
  ran: 'ran',
  failed: 'failed',
  invalid: 'failed',
  disabled: 'waiting',
  waiting: 'waiting',
  done: 'ran',
  error: 'failed',
  incomplete: 'ready',
};
const stroke = (p: Palette, t: Tone) => (t === 'plain' ? p.border : p[t]);
const ink = (p: Palette, t: Tone) => (t === 'plain' ? p.muted : t === 'waiting' ? p.muted : p[`${t}Ink`]);
const EDGE_LOOK: Record<EdgeKind, { word: string; color: (p: Palette) => string; attrs: string }> = {
  causal: { word: 'what happened', color: (p) => p.ran, attrs: 'stroke-width="1.8"' },
  active: { word: 'into the running step', color: (p) => p.running, attrs: 'stroke-width="2.4"' },
  loop: { word: 'redo loop', color: (p) => p.ran, attrs: 'stroke-width="1.8"' },
  could: { word: 'what could happen', color: (p) => p.muted, attrs: 'stroke-width="1" stroke-dasharray="4 4" opacity="0.55"' },
  focus: { word: 'could, around the selected step', color: (p) => p.accent, attrs: 'stroke-width="1" opacity="0.6"' },
};

/** Text for XML: the five specials escaped, and characters XML 1.0 cannot hold dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  );
}

const r1 = (v: number) => String(Math.round(v * 10) / 10);
const roundPath = (d: string) => d.replace(/-?\d*\.\d+(e-?\d+)?/g, (m) => r1(Number(m)));
/** Text widths are estimated (no DOM to measure): about 0.6 em a character in both fonts. */
const textWidth = (text: string, size: number) => Array.from(text).length * size * 0.6;
function fit(text: string, maxWidth: number, size: number): string {
  const chars = Array.from(text);
  const max = Math.max(1, Math.floor(maxWidth / (size * 0.6)));
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
const textEl = (x: number, y: number, cls: string, fill: string, text: string, extra = '') =>
  `<text x="${r1(x)}" y="${r1(y)}" class="${cls}" fill="${fill}"${extra}>${escapeXml(text)}</text>`;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
function grow(b: Box, x: number, y: number, x1 = x, y1 = y): void {
  b.x0 = Math.min(b.x0, x);
  b.y0 = Math.min(b.y0, y);
  b.x1 = Math.max(b.x1, x1);
  b.y1 = Math.max(b.y1, y1);
}

/** A step's chips, wrapped to the node's width as the graph wraps them; returns the SVG and the bottom. */
function chipRows(n: DrawnNode, p: Palette, top: number): [string, number] {
  const shown = [...n.chips.slice(0, 4), ...(n.chips.length > 4 ? [`+${n.chips.length - 4}`] : [])];
  const inner = n.width - 16;
  let x = n.x + 8,
    y = top,
    out = '';
  for (const chip of shown) {
    const text = fit(chip, inner - 8, 10.5);
    const w = textWidth(text, 10.5) + 8;
    if (x + w > n.x + 8 + inner && x > n.x + 8) {
      x = n.x + 8;
      y += 19;
    }
    out += `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="15" rx="4" fill="${p.panel2}"/>${textEl(x + 4, y + 11, 'k', p.text, text)}`;
    x += w + 4;
  }
  return [out, shown.length ? y + 15 : top];
}

function node(n: DrawnNode, p: Palette, box: Box): string {
  const tone = STATE_TONE[n.state] ?? 'plain';
  const title = `<title>${escapeXml(n.kind === 'step' ? `${n.title}: ${n.word}` : n.title)}</title>`;
  if (n.kind !== 'step') {
    // A pill widens around its middle to hold its words (the estimate runs wider than the page).
    const label = `${n.icon} ${n.kind === 'end' ? n.word : fit(n.title, 320, 12)}`;
    const w = Math.max(n.width, textWidth(label, 12) + 28);
    const x = n.x + (n.width - w) / 2;
    grow(box, x, n.y, x + w, n.y + n.height);
    return `<g class="node terminal" data-id="${escapeXml(n.id)}">${title}<rect x="${r1(x)}" y="${r1(n.y)}" width="${r1(w)}" height="${r1(n.height)}" rx="${r1(n.height / 2)}" fill="${p.panel2}" stroke="${stroke(p, tone)}" stroke-width="2"/>${textEl(x + w / 2, n.y + n.height / 2 + 4, 't', tone === 'plain' ? p.text : ink(p, tone), label, ' text-anchor="middle"')}</g>`;
  }
  const [chips, bottom] = chipRows(n, p, n.y + 46);
  const h = Math.max(n.height, bottom + 7 - n.y);
  grow(box, n.x - 6, n.y - 6, n.x + n.width + 6, n.y + h + 6);
  const look = n.state === 'invalid' ? ' stroke-dasharray="6 3"' : n.state === 'disabled' ? ' opacity="0.55"' : '';
  const glow =
    tone === 'ready' || n.state === 'running'
      ? `<rect x="${r1(n.x - 3)}" y="${r1(n.y - 3)}" width="${r1(n.width + 6)}" height="${r1(h + 6)}" rx="10" fill="none" stroke="${stroke(p, tone)}" stroke-width="4" opacity="0.3"/>`
      : '';
  const state = `${n.icon} ${n.word}${n.count > 0 && n.state !== 'never' ? ` ${n.count}` : ''}`;
  return `<g class="node step" data-id="${escapeXml(n.id)}" data-state="${escapeXml(n.state)}"${look}>${title}${glow}<rect x="${r1(n.x)}" y="${r1(n.y)}" width="${r1(n.width)}" height="${r1(h)}" rx="8" fill="${p.panel}" stroke="${stroke(p, tone)}" stroke-width="2"${n.state === 'invalid' ? ' stroke-dasharray="6 3"' : ''}/>${textEl(n.x + 8, n.y + 19, 't', p.text, fit(n.title, n.width - 16, 12))}${textEl(n.x + 8, n.y + 37, 's', ink(p, tone), state)}${chips}</g>`;
}

function edge(e: DrawnEdge, p: Palette, box: Box): string {
  const nums = (e.d.match(/-?\d*\.?\d+(e-?\d+)?/g) ?? []).map(Number);
  for (let i = 0; i + 1 < nums.length; i += 2) grow(box, nums[i], nums[i + 1]);
  const look = EDGE_LOOK[e.kind];
  return `<path class="edge ${e.kind}" data-id="${escapeXml(e.id)}" d="${roundPath(e.d)}" fill="none" stroke="${look.color(p)}" ${look.attrs} marker-end="url(#arrow-${e.kind})"/>`;
}

function label(e: DrawnEdge, p: Palette, box: Box): string {
  if (!e.label) return '';
  const { text, x, y, align } = e.label;
  const w = textWidth(text, 10) + 8;
  const left = align === 'center' ? x - w / 2 : x;
  grow(box, left, y - 8, left + w, y + 8);
  return `<g class="edge-label" data-edge="${escapeXml(e.id)}"><rect x="${r1(left)}" y="${r1(y - 8)}" width="${r1(w)}" height="16" rx="3" fill="${p.panel}" stroke="${p.border}" stroke-width="0.5"/>${textEl(left + 4, y + 3.5, 'c', p.text, text)}</g>`;
}

const marker = (kind: EdgeKind, color: string) =>
  `<marker id="arrow-${kind}" viewBox="-10 -10 20 20" markerWidth="14" markerHeight="14" markerUnits="userSpaceOnUse" orient="auto-start-reverse" refX="0" refY="0"><polyline points="-5,-4 0,0 -5,4 -5,-4" fill="${color}" stroke="${color}" stroke-linejoin="round"/></marker>`;

/** The legend: the node states and edge kinds this drawing uses. */
function legend(d: Drawing, p: Palette, x: number, y: number): [string, number] {
  const states = new Map(d.nodes.filter((n) => n.kind === 'step').map((n) => [n.state, `${n.icon} ${n.word}`]));
  const kinds = [...new Set(d.edges.map((e) => e.kind))];
  let out = `<g class="legend">${states.size ? textEl(x, y + 11, 's', p.muted, 'Steps') : ''}${kinds.length ? textEl(x + 170, y + 11, 's', p.muted, 'Edges') : ''}`;
  [...states].forEach(([state, words], i) => {
    const tone = STATE_TONE[state] ?? 'plain';
    const top = y + 18 + i * 18;
    out += `<rect x="${x}" y="${top}" width="18" height="12" rx="3" fill="${p.panel}" stroke="${stroke(p, tone)}" stroke-width="2"${state === 'invalid' ? ' stroke-dasharray="4 2"' : ''}/>${textEl(x + 24, top + 10, 's', ink(p, tone), words)}`;
  });
  kinds.forEach((kind, i) => {
    const top = y + 18 + i * 18 + 6;
    const look = EDGE_LOOK[kind];
    out += `<path d="M${x + 170} ${top}h24" fill="none" stroke="${look.color(p)}" ${look.attrs} marker-end="url(#arrow-${kind})"/>${textEl(x + 202, top + 4, 's', p.text, look.word)}`;
  });
  return [`${out}</g>`, y + 18 + Math.max(states.size, kinds.length) * 18];
}

/** The drawing as a standalone SVG document, sized to fit the graph and its legend. */
export function graphSvg(d: Drawing, p: Palette): { svg: string; width: number; height: number } {
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  // Loops end on their own node's side, so they go over the nodes to keep their arrowheads.
  const edges = d.edges
    .filter((e) => e.kind !== 'loop')
    .map((e) => edge(e, p, box))
    .join('');
  const nodes =
    d.nodes.map((n) => node(n, p, box)).join('') +
    d.edges
      .filter((e) => e.kind === 'loop')
      .map((e) => edge(e, p, box))
      .join('');
  const labels = d.edges.map((e) => label(e, p, box)).join('');
  if (box.x0 === Infinity) Object.assign(box, { x0: 0, y0: 0, x1: 0, y1: 0 });
  const x0 = Math.floor(box.x0 - 20),
    y0 = Math.floor(box.y0 - 20);
  const [key, bottom] = legend(d, p, x0 + 20, Math.ceil(box.y1) + 16);
  const width = Math.ceil(Math.max(box.x1 + 20 - x0, 420)),
    height = Math.ceil(bottom + 16 - y0);
  const kinds = [...new Set(d.edges.map((e) => e.kind))];
  const style = `text{white-space:pre}.t{font:600 12px ${p.sans}}.s{font:11.5px ${p.sans}}.c{font:10px ${p.mono}}.k{font:10.5px ${p.mono}}`;
  return {
    width,
    height,
    svg:
      `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x0} ${y0} ${width} ${height}">` +
      `<style>${escapeXml(style)}</style><defs>${kinds.map((k) => marker(k, EDGE_LOOK[k].color(p))).join('')}</defs>` +
      `<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="${p.bg}"/>${edges}${nodes}${labels}${key}</svg>\n`,
  };
}
