// The graph's SVG and PNG buttons give drawings of what the graph shows: a group per node, a
// path per edge, a label per edge label, no HTML snapshot (foreignObject), well under 200 KB.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, openExample, run } from './driver.ts';
import examples from './exampleNames.ts';

async function download(page: Page, kind: 'SVG' | 'PNG'): Promise<Buffer> {
  const file = page.waitForEvent('download');
  await page.getByTestId('graph').getByRole('button', { name: kind, exact: true }).click();
  const done = await file;
  expect(done.suggestedFilename()).toMatch(new RegExp(`-graph\\.${kind.toLowerCase()}$`));
  return readFileSync(await done.path());
}

/** What the graph on screen shows, and what the downloaded SVG draws, counted the same way. */
async function compare(page: Page, svg: string) {
  return page.evaluate((text) => {
    const graph = document.querySelector('[data-testid="graph"] .react-flow')!;
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      shown: {
        nodes: graph.querySelectorAll('.react-flow__node').length,
        edges: graph.querySelectorAll('.react-flow__edge').length,
        labels: graph.querySelectorAll('.react-flow__edge-textwrapper, .react-flow__edgelabel-renderer .chip').length,
        names: [...graph.querySelectorAll('.step-node .name')].map((n) => n.textContent ?? ''),
        states: [...graph.querySelectorAll('.step-node')].map((n) => n.getAttribute('data-state')),
      },
      drawn: {
        nodes: root.querySelectorAll('g.node').length,
        edges: root.querySelectorAll('path.edge').length,
        labels: root.querySelectorAll('g.edge-label').length,
        names: [...root.querySelectorAll('g.node.step > title')].map((t) => (t.textContent ?? '').replace(/: [^:]*$/, '')),
        states: [...root.querySelectorAll('g.node.step')].map((g) => g.getAttribute('data-state')),
      },
      root: root.nodeName,
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      foreignObjects: root.getElementsByTagName('foreignObject').length,
      arrows: [...root.querySelectorAll('path.edge')].every((p) => /^url\(#arrow-/.test(p.getAttribute('marker-end') ?? '')),
      legend: root.querySelector('g.legend')?.textContent ?? '',
      width: Number(root.getAttribute('width')),
    };
  }, svg);
}

async function checkSvg(page: Page, label: string): Promise<number> {
  await expect(page.getByTestId('graph').locator('.react-flow')).toHaveAttribute('data-layout', 'final');
  const bytes = await download(page, 'SVG');
  const result = await compare(page, bytes.toString('utf8'));
  expect(result.parseError, label).toBeNull();
  expect(result.root).toBe('svg');
  expect(result.foreignObjects, label).toBe(0);
  expect(result.drawn, label).toEqual(result.shown);
  expect(result.shown.nodes, label).toBeGreaterThan(2);
  expect(result.arrows, label).toBe(true);
  expect(result.legend, label).toContain('Steps');
  expect(bytes.length, label).toBeLessThan(200_000);
  return result.width;
}

test('the SVG export draws the graph before and after a run, and the PNG is that drawing at 2×', async ({ page }) => {
  await openApp(page);
  await checkSvg(page, 'sequential, before the run');
  await run(page);
  const width = await checkSvg(page, 'sequential, after the run');
  const png = await download(page, 'PNG');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(width * 2);
  expect((await download(page, 'SVG')).toString('utf8')).toContain('data-state="ran"');
  // The cursor moved back: the drawing shows the graph at the cursor, not the end of the run.
  await page.getByRole('button', { name: 'Starting state' }).click();
  await expect(page.getByTestId('cursor-position')).toContainText('0 / 3');
  await checkSvg(page, 'sequential, cursor at the start');
  expect((await download(page, 'SVG')).toString('utf8')).not.toContain('data-state="ran"');
});

test('the SVG export matches the graph on every example after a run, under 200 KB', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const sizes: string[] = [];
  for (const name of Object.values(examples)) {
    await openExample(page, name);
    await run(page);
    await checkSvg(page, name);
    sizes.push(name);
  }
  expect(sizes).toHaveLength(Object.keys(examples).length);
});

test('the SVG export gives nothing away while the quiz asks', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Parallel processing');
  await page.getByLabel('Quiz').check();
  await page.keyboard.press('F10');
  await expect(page.getByTestId('quiz')).toContainText('Which step runs next?');
  await checkSvg(page, 'parallel, quiz asking');
  const svg = (await download(page, 'SVG')).toString('utf8');
  expect(svg).toMatch(/data-id="s0" data-state="ready"/);
  expect(svg).toMatch(/data-id="s1" data-state="ready"/);
});
