// The graph's SVG export is a drawing built from the model: one group per node, one path per
// edge with its arrowhead, labels with a background, state colours and a legend; valid XML.
import { describe, expect, it } from 'vitest';
import { escapeXml, graphSvg, PALETTE_VARS, type Drawing, type Palette } from '../../src/ui/graph/graphSvg.ts';

const palette = Object.fromEntries(Object.keys(PALETTE_VARS).map((key, i) => [key, `#${(0x102030 + i * 0x010101).toString(16)}`])) as Palette;
palette.sans = "system-ui, 'Segoe UI', sans-serif";
palette.mono = 'ui-monospace, monospace';

const step = (i: number, state: string, word: string, chips: string[] = []) => ({
  id: `s${i}`,
  kind: 'step' as const,
  x: 0,
  y: 80 + i * 140,
  width: 230,
  height: 96,
  title: `Step <${i}> & "more"`,
  state,
  icon: '✓',
  word,
  count: i,
  chips,
});
const model: Drawing = {
  nodes: [
    { id: 'start', kind: 'start', x: 60, y: 0, width: 110, height: 36, title: 'New order', state: '', icon: '●', word: 'start', count: 0, chips: [] },
    step(0, 'ran', 'ran', ['order.status = "new"', 'a.very.long.path.that.will.not.fit.in.a.chip.at.all > 70', 'x', 'y', 'z']),
    step(1, 'ready', 'ready'),
    { id: 'end', kind: 'end', x: 50, y: 400, width: 130, height: 36, title: 'end', state: 'done', icon: '■', word: 'done', count: 0, chips: [] },
  ],
  edges: [
    { id: 'c:start->0', kind: 'causal', d: 'M115,36 C115,56.123456 115,60 115,80', label: { text: 'order', x: 115, y: 58, align: 'center' } },
    { id: 'p:0->1', kind: 'could', d: 'M115,176 C115,190 115,206 115,220' },
    { id: 'redo:0', kind: 'loop', d: 'M 230 158 C 290 158, 290 98, 230 98', label: { text: 'redo ×2 <&>', x: 274, y: 128, align: 'start' } },
    { id: 'end', kind: 'causal', d: 'M115,316 C115,350 115,370 115,400' },
  ],
};

/** A small well-formedness check: every tag closes in order, and no stray `<` or `&`. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(body)) return false;
  const stack: string[] = [];
  for (const [, close, name, selfClose] of body.matchAll(/<(\/?)([a-zA-Z]+)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (selfClose) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0 && body.replace(/<[^<>]*>/g, '').indexOf('<') === -1;
}

describe('graphSvg', () => {
  const { svg, width, height } = graphSvg(model, palette);

  it('draws a group per node, a path per edge with an arrowhead, and a label per labelled edge', () => {
    expect(svg.match(/<g class="node /g)).toHaveLength(4);
    expect(svg.match(/<path class="edge /g)).toHaveLength(4);
    expect(svg.match(/<g class="edge-label"/g)).toHaveLength(2);
    expect(svg.match(/marker-end="url\(#arrow-/g)!.length).toBeGreaterThanOrEqual(4);
    for (const kind of ['causal', 'could', 'loop']) expect(svg).toContain(`<marker id="arrow-${kind}"`);
    expect(svg).not.toContain('foreignObject');
  });

  it('escapes text and stays well-formed XML', () => {
    expect(svg).toContain('Step &lt;0&gt; &amp; &quot;more&quot;');
    expect(svg).toContain('redo ×2 &lt;&amp;&gt;');
    expect(wellFormed(svg)).toBe(true);
    expect(escapeXml('a\u0000b\u0007c\ud800d')).toBe('abcd');
    expect(escapeXml("'😀'")).toBe('&apos;😀&apos;');
  });

  it('colours nodes by state from the palette and adds a legend of what it uses', () => {
    expect(svg).toMatch(new RegExp(`data-state="ran"><title>[^<]*</title><rect [^>]*stroke="${palette.ran}"`));
    expect(svg).toMatch(new RegExp(`data-state="ready"><title>[^<]*</title><rect [^>]*stroke="${palette.ready}"`));
    const legend = svg.slice(svg.indexOf('<g class="legend">'));
    for (const word of ['✓ ran', '✓ ready', 'what happened', 'what could happen', 'redo']) expect(legend).toContain(word);
    expect(legend).not.toContain('running');
  });

  it('sizes the drawing to its content, rounds coordinates, and shortens what does not fit', () => {
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(height).toBeGreaterThan(436);
    expect(svg).toContain('d="M115,36 C115,56.1 115,60 115,80"');
    expect(svg).toMatch(/>\+1<\/text>/);
    expect(svg).toMatch(/a\.very\.long[^<]*…</);
  });

  it('draws an empty graph as a valid, small document', () => {
    const empty = graphSvg({ nodes: [], edges: [] }, palette);
    expect(wellFormed(empty.svg)).toBe(true);
    expect(empty.svg.length).toBeLessThan(2000);
  });
});
