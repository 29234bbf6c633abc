// The graph as a person reads it (issue 14), checked on every example in examples.spec.ts: at the
// size it opens with, titles and condition chips are big enough on screen; with the whole graph
// in view, no edge label covers another label or a node; a title cut short shows in full on
// hover (its tooltip) and on keyboard focus.
import { expect, type Page } from '@playwright/test';

/** The smallest node title and chip on screen, in px (zoom × CSS font size), and the zoom. */
const textSizes = (page: Page) =>
  page.evaluate(() => {
    const graph = document.querySelector('[data-testid="graph"] .react-flow')!;
    const zoom = new DOMMatrix(getComputedStyle(graph.querySelector('.react-flow__viewport')!).transform).a;
    const smallest = (selector: string) => Math.min(...[...graph.querySelectorAll(selector)].map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom));
    return { zoom, title: smallest('.step-node .name'), chip: smallest('.step-node .chip') };
  });

/** Label boxes that meet another label or a node, as "label | other". */
const overlaps = (page: Page) =>
  page.evaluate(() => {
    const graph = document.querySelector('[data-testid="graph"] .react-flow')!;
    const boxes = (selector: string, name: (el: Element) => string) =>
      [...graph.querySelectorAll(selector)].map((el) => ({ r: el.getBoundingClientRect(), name: name(el) }));
    const labels = boxes('.react-flow__edge-textwrapper, .react-flow__edgelabel-renderer .chip', (el) => el.textContent ?? '');
    const nodes = boxes('.react-flow__node', (el) => `node ${el.getAttribute('data-id')}`);
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return labels.flatMap((a, i) => [...labels.slice(i + 1), ...nodes].filter((b) => meet(a.r, b.r)).map((b) => `${a.name} | ${b.name}`));
  });

export async function expectLegibleGraph(page: Page, what: string): Promise<void> {
  const graph = page.getByTestId('graph').locator('.react-flow');
  await expect(graph).toHaveAttribute('data-layout', 'final');
  // The fit follows the panel's size a frame later: retry until it has.
  await expect(async () => {
    const sizes = await textSizes(page);
    expect(sizes.title, `${what}: smallest node title on screen (zoom ${sizes.zoom})`).toBeGreaterThanOrEqual(11);
    if (sizes.chip !== Infinity) expect(sizes.chip, `${what}: smallest chip on screen (zoom ${sizes.zoom})`).toBeGreaterThanOrEqual(10);
  }).toPass({ timeout: 5000 });
  // Titles cut short: the full title on hover (the node's tooltip) and on keyboard focus.
  // Of the nodes wholly on screen: the graph keeps the step at the cursor in view, so others may
  // sit half under the pane's edge.
  const cut = await graph.locator('.step-node .name').evaluateAll((names) => {
    const inside = (el: Element) => {
      const [box, pane] = [el.getBoundingClientRect(), el.closest('.react-flow')!.getBoundingClientRect()];
      return box.top >= pane.top && box.bottom <= pane.bottom && box.left >= pane.left && box.right <= pane.right;
    };
    const name = names.find((el) => el.scrollWidth > el.clientWidth && inside(el.closest('.react-flow__node')!));
    return name?.closest('.react-flow__node')?.getAttribute('data-id');
  });
  if (cut) {
    const node = graph.locator(`.react-flow__node[data-id="${cut}"]`);
    const name = node.locator('.name');
    await expect(node.locator('.step-node')).toHaveAttribute('title', (await name.textContent())!);
    await node.locator('.step-node .state').click();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(node).toBeFocused();
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth), `${what}: focused title in full`).toBe(true);
  }
  // Fit the whole graph (the layout is the same at every window size, so is every overlap).
  await page.getByRole('button', { name: 'Fit view' }).click();
  const count = Number(await graph.getAttribute('data-node-count')) + 2;
  await expect(graph.locator('.react-flow__node')).toHaveCount(count);
  expect(await overlaps(page), `${what}: edge labels that cover a label or a node`).toEqual([]);
}
