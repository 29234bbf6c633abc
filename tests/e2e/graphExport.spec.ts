// The graph's SVG and PNG buttons give drawings of what the graph shows: a group per node, a
// path per edge, a label per edge label, no HTML snapshot (foreignObject), well under 200 KB.
// Every example's drawing is checked in examples.spec.ts, in its one pass over the examples.
import { expect, test } from '@playwright/test';
import { checkSvg, downloadGraph, openApp, openExample, run } from './driver.ts';

test('the SVG export draws the graph before and after a run, and the PNG is that drawing at 2×', async ({ page }) => {
  await openApp(page);
  await checkSvg(page, 'sequential, before the run');
  await run(page);
  const width = await checkSvg(page, 'sequential, after the run');
  const png = await downloadGraph(page, 'PNG');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(width * 2);
  expect((await downloadGraph(page, 'SVG')).toString('utf8')).toContain('data-state="ran"');
  // The cursor moved back: the drawing shows the graph at the cursor, not the end of the run.
  await page.getByRole('button', { name: 'Starting state' }).click();
  await expect(page.getByTestId('cursor-position')).toContainText('0 / 3');
  await checkSvg(page, 'sequential, cursor at the start');
  expect((await downloadGraph(page, 'SVG')).toString('utf8')).not.toContain('data-state="ran"');
});

test('the SVG export gives nothing away while the quiz asks', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Parallel processing');
  await page.getByLabel('Quiz').check();
  await page.keyboard.press('F10');
  await expect(page.getByTestId('quiz')).toContainText('Which step runs next?');
  await checkSvg(page, 'parallel, quiz asking');
  const svg = (await downloadGraph(page, 'SVG')).toString('utf8');
  expect(svg).toMatch(/data-id="s0" data-state="ready"/);
  expect(svg).toMatch(/data-id="s1" data-state="ready"/);
});
