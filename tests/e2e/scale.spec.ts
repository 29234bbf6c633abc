// Scale without a crash: the checked-in fixtures (tests/fixtures, made by makeScaleFixtures.ts)
// opened from File ▸ Open, run to the end, scrubbed with keys and the mouse, and reloaded. The
// tab must not crash and the graph must show its nodes. No wall-clock asserts: bench/uiBudget.ts
// measures the time.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { caretAtEndOfLine, openApp } from './driver.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const graph = (page: Page) => page.getByTestId('graph');

/** Opens a file the way a person does: File ▸ Open…, then the file picker. */
async function openFromFile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: /^Open/ }).click();
  await (await chooser).setFiles(fixture(name));
  // Opening is asynchronous (decoded off the main thread): wait until this workspace shows.
  const { name: title } = JSON.parse(readFileSync(fixture(name), 'utf8')) as { name: string };
  await expect(page.getByLabel('Workspace name')).toHaveValue(title, { timeout: 30_000 });
}

/** The graph shows the steps' nodes (laid out in list order until the steps have been checked). */
async function showsNodes(page: Page, steps: number): Promise<void> {
  await expect(graph(page).locator(`.react-flow[data-node-count="${steps}"] .react-flow__node-step`).first()).toBeVisible({ timeout: 60_000 });
}

async function laidOut(page: Page, steps: number): Promise<void> {
  await expect(graph(page).locator(`.react-flow[data-layout="final"][data-node-count="${steps}"]`)).toBeVisible({ timeout: 30_000 });
  await expect(graph(page).locator('.react-flow__node-step').first()).toBeVisible();
}

/**
 * Hovers one of `locator`'s elements where a pointer reaches it, and returns that element: the
 * graph opens at a readable zoom, so many are out of view, under another panel, or (edges) under
 * the selected step's edges. Points along an edge's path are tried; a node is tried at its centre.
 */
async function hoverReachable(page: Page, locator: Locator): Promise<Locator> {
  const found = await locator.evaluateAll((elements) => {
    const candidates = (e: Element): [number, number][] => {
      const path = e.querySelector<SVGPathElement>('path.react-flow__edge-interaction');
      if (!path) {
        const r = e.getBoundingClientRect();
        return [[r.x + r.width / 2, r.y + r.height / 2]];
      }
      const m = path.getScreenCTM()!;
      return Array.from({ length: 19 }, (_, k) => {
        const p = path.getPointAtLength((path.getTotalLength() * (k + 1)) / 20);
        return [m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f];
      });
    };
    for (let i = 0; i < elements.length; i++) {
      for (const [x, y] of candidates(elements[i])) if (elements[i].contains(document.elementFromPoint(x, y))) return { i, x, y };
    }
    return null;
  });
  expect(found, 'one of them is in view').not.toBeNull();
  await page.mouse.move(found!.x, found!.y);
  return locator.nth(found!.i);
}

const readout = (page: Page) => page.getByRole('status').filter({ has: page.getByTestId('run-status') });

/** Presses Run and waits, as long as a long run needs, until that run has ended. */
async function run(page: Page): Promise<void> {
  const before = (await readout(page).count()) ? await readout(page).getAttribute('data-run') : '0';
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(readout(page)).not.toHaveAttribute('data-run', before ?? '0');
  await expect(readout(page)).toHaveAttribute('data-phase', 'ended', { timeout: 120_000 });
}

/** Drags the timeline slider from one end to the other, then moves with the keyboard. */
async function scrub(page: Page, total: number): Promise<void> {
  const slider = page.getByTestId('slider');
  const box = (await slider.boundingBox())!;
  const at = (fraction: number) => page.mouse.move(box.x + 2 + (box.width - 4) * fraction, box.y + box.height / 2);
  // A handful of positions: each one redraws the whole graph (about 0.6 s at 200 steps on this
  // machine), and twenty of them cost 25 s a test without finding more.
  await at(1);
  await page.mouse.down();
  await at(0.75);
  await at(0.5);
  // Mid-drag, the cursor follows the thumb: somewhere between the ends.
  await expect(page.getByTestId('cursor-position')).not.toContainText(new RegExp(`^(0|${total}) / `));
  await at(0.25);
  await at(0);
  await page.mouse.up();
  // The slider's left end is the starting state, before the first step run.
  await expect(page.getByTestId('cursor-position')).toContainText(/^0 \/ /);
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('cursor-position')).toContainText(`${total} / ${total}`);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('cursor-position')).toContainText(`${total - 5} / ${total}`);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('cursor-position')).toContainText(/^0 \/ /);
}

test.describe('scale', () => {
  let crashed = false;
  test.beforeEach(({ page }) => {
    crashed = false;
    page.on('crash', () => (crashed = true));
  });
  test.afterEach(() => expect(crashed, 'the tab crashed').toBe(false));

  test('200 steps on one field: edges stay O(steps), a run and a 5,000-step run scrub, reload opens the graph', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    await openFromFile(page, 'one-field-200.steplab.json');
    await expect(page.getByLabel('Workspace name')).toHaveValue('200 steps on one field');
    await laidOut(page, 200);
    // Every pair "could" follow (39,800 pairs); the graph draws one grouped edge per step and
    // all the edges only of the selected step.
    const grouped = graph(page).locator('.react-flow__edge.grouped');
    await expect(grouped.first()).toBeAttached();
    // "Could" edges carry no label until hovered: 200 identical labels would bury the graph.
    await expect(grouped.first()).toHaveAttribute('aria-label', /could enable step \d+ \(and 198 more steps\): order\.status/);
    await expect(grouped.first()).not.toContainText('order.status');
    // At the readable zoom they run under the selected step's edges: see the whole graph first.
    await page.getByRole('button', { name: 'Fit view' }).click();
    const onScreen = await hoverReachable(page, grouped);
    await expect(onScreen).toContainText('order.status · 199 steps');
    expect(await graph(page).locator('.react-flow__edge').count()).toBeLessThan(3 * 200);
    // Hovering a step draws all of its "could" edges.
    const before = await graph(page).locator('.react-flow__edge.focus').count();
    await hoverReachable(page, graph(page).locator('.react-flow__node-step').filter({ hasNotText: 'Status s0 to s1' }));
    await expect.poll(() => graph(page).locator('.react-flow__edge.focus').count()).toBeGreaterThan(before);

    await run(page);
    await expect(readout(page)).toContainText('done · 200 step runs');
    // "Did" edges: the step at the cursor came from the one before it.
    await expect(graph(page).locator('.react-flow__edge.causal').first()).toBeAttached();
    await scrub(page, 200);

    // 25 laps of the same 200 steps: 5,000 step runs.
    await page.getByLabel('Task', { exact: true }).selectOption({ label: '25 laps' });
    await run(page);
    await expect(readout(page)).toContainText('done · 5000 step runs');
    await scrub(page, 5000);

    await page.reload();
    await laidOut(page, 200);
    await expect(page.getByTestId('safe-start')).toHaveCount(0);
  });

  test('1,000 steps open from a file, run to the end, and reload', async ({ page }) => {
    // Scrubbing 1,000 steps is measured in bench/uiBudget.ts; here: no crash, O(steps) edges.
    test.setTimeout(240_000);
    await openApp(page);
    await openFromFile(page, 'one-field-1000.steplab.json');
    await showsNodes(page, 1000);
    expect(await graph(page).locator('.react-flow__edge').count()).toBeLessThan(3 * 1000);
    await run(page);
    await expect(readout(page)).toContainText('done · 1000 step runs');
    await page.reload();
    await showsNodes(page, 1000);
  });

  test('a 5,000-row task document opens, runs, scrubs and reloads', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await openFromFile(page, 'rows-5000.steplab.json');
    await laidOut(page, 3);
    await run(page);
    await expect(readout(page)).toContainText('done · 3 step runs');
    await expect(page.getByTestId('cursor-position')).toContainText('3 / 3');
    await page.getByTestId('slider').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('cursor-position')).toContainText('2 / 3');
    await page.reload();
    await laidOut(page, 3);
  });

  test('the data tree of 5,000 rows shows them a hundred at a time, and a row a step changed far down', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await openFromFile(page, 'rows-5000.steplab.json');
    await laidOut(page, 3);
    const tree = page.getByTestId('data-panel');
    const rows = tree.locator('li[data-path^="rows."]');
    // Drawn whole, the rows were 155,000 elements and the tab froze for seconds as it opened.
    await expect(tree.locator('[data-path="rows"] > .row')).toContainText('[5000]');
    await expect(rows).toHaveCount(100);
    await tree.getByRole('button', { name: 'Show 100 more (4,900 not shown)' }).click();
    await expect(rows).toHaveCount(200);
    await expect(tree.getByRole('button', { name: 'Show 100 more (4,800 not shown)' })).toBeVisible();
    // The last step also marks a row far past the first pages: the tree shows that row, open.
    await page.getByRole('button', { name: 'Flag backorders', exact: true }).click();
    await caretAtEndOfLine(page, 5);
    await page.keyboard.press('Enter');
    await page.keyboard.type('data.rows[4321].status = "checked";');
    await run(page);
    await expect(readout(page)).toContainText('done · 3 step runs');
    await expect(tree.locator('[data-path="rows.4321.status"] > .row.changed')).toContainText('"checked"');
    await expect(tree.locator('[data-path="rows.0.status"] > .row.changed')).toContainText('"checked"');
  });
});

test.describe('crash-proof start', () => {
  const saved = readFileSync(fixture('one-field-200.steplab.json'), 'utf8');
  /** As if the last load crashed while starting with this workspace saved: only the first load. */
  async function crashedBefore(page: Page): Promise<void> {
    await page.addInitScript((ws) => {
      if (sessionStorage.getItem('scale-test.primed')) return;
      sessionStorage.setItem('scale-test.primed', '1');
      localStorage.setItem('steplab.workspace.v1', ws);
      localStorage.setItem('steplab.starting', new Date().toISOString());
    }, saved);
  }

  test('safe mode neither lays out nor runs; download, then open it anyway', async ({ page }) => {
    await crashedBefore(page);
    await page.goto('/');
    const safe = page.getByTestId('safe-start');
    await expect(safe).toBeVisible();
    await expect(safe).toContainText('“200 steps on one field” (200 steps)');
    await expect(page.locator('.react-flow')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await safe.getByRole('button', { name: 'Download it' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('200-steps-on-one-field.steplab.json');
    expect(readFileSync((await file.path())!, 'utf8')).toBe(saved);
    await safe.getByRole('button', { name: 'Open it anyway' }).click();
    await laidOut(page, 200);
    // This start finished, so the next one is normal: the graph shows (its final layout after a
    // reload is the scale test's), and no safe mode.
    await page.reload();
    await showsNodes(page, 200);
    await expect(page.getByTestId('safe-start')).toHaveCount(0);
  });

  test('safe mode: start fresh opens the default example', async ({ page }) => {
    await crashedBefore(page);
    await page.goto('/');
    await page.getByTestId('safe-start').getByRole('button', { name: 'Start fresh' }).click();
    await expect(page.getByLabel('Workspace name')).toHaveValue('Sequential processing');
    await laidOut(page, 3);
    await page.reload();
    await laidOut(page, 3);
    await expect(page.getByLabel('Workspace name')).toHaveValue('Sequential processing');
    await expect(page.getByTestId('safe-start')).toHaveCount(0);
  });
});
