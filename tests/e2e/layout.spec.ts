// Layout at realistic sizes: the page never grows wider than the window, long text wraps or
// truncates (with the full text on hover and focus), toasts go away, the slider holds still.
// Every example's fit (opened, after a run, with its lesson) is checked in examples.spec.ts.
import { expect, test } from '@playwright/test';
import { dataRow, expectNoOverflow, openApp, openExample, run, status } from './driver.ts';

test('the quiz, the paused bar, a notice and presenter mode fit 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('steplab.workspace.v1', '{"steps": [ oops');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openApp(page);
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectNoOverflow(page, 'notice');
  await openExample(page, 'Dynamic workflow selection');
  await run(page);
  // The quiz starts from the starting state.
  await page.getByLabel('Quiz').check();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('quiz')).toContainText('Which step runs next?');
  await expectNoOverflow(page, 'quiz');
  await page.getByRole('button', { name: 'End quiz' }).click();
  // Step on the finished run starts a new one, after asking.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('paused')).toBeVisible();
  await expectNoOverflow(page, 'paused bar');
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByTestId('presenter')).toBeVisible();
  // A paused run plays on: the button says Play (Run and play starts a run).
  await page.getByTestId('presenter').getByRole('banner').getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('cursor-position')).not.toContainText('0 /');
  await expectNoOverflow(page, 'presenter, playing');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('cursor-position')).toContainText(/^0 \/ \d+ · start/);
});

test('the embed fits 800×500 before and after Play, with every player button on one line', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Dynamic workflow selection');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Embed…/ }).click();
  const src = /src="([^"]+)"/.exec(await page.getByLabel('Snippet').inputValue())![1];
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(src.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByTestId('embed')).toBeVisible();
  await expectNoOverflow(page, 'embed');
  const buttons = page.getByTestId('embed').getByRole('button');
  expect(await buttons.count()).toBeGreaterThan(2);
  for (const button of await buttons.all()) {
    const height = await button.evaluate((el) => el.getBoundingClientRect().height);
    const line = await button.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect(height, await button.innerText()).toBeLessThan(line * 2);
  }
  await page.getByRole('button', { name: 'Run and play' }).click();
  await expect(page.getByTestId('run-status')).not.toHaveText('idle');
  // Playing: the cursor has moved on from the starting state.
  await expect(page.getByTestId('cursor-position')).not.toContainText(/^0 \//);
  await expectNoOverflow(page, 'embed, playing');
  await page.keyboard.press('ArrowRight');
  await expectNoOverflow(page, 'embed, stepped');
});

test('long status text truncates to one line, with the full text on hover and focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await openExample(page, 'Best practices');
  await run(page);
  const verdict = page.getByTestId('verdict');
  // The run ends incomplete; the verdict says why once the final data has been checked.
  await expect(verdict).toContainText('No step can run');
  const text = (await verdict.textContent())!;
  await expect(verdict).toHaveAttribute('title', text);
  const lineHeight = await verdict.evaluate((el) => el.getBoundingClientRect().height);
  await verdict.focus();
  const focused = await verdict.evaluate((el) => ({ h: el.getBoundingClientRect().height, fits: el.scrollWidth <= el.clientWidth }));
  expect(focused.fits).toBe(true);
  expect(focused.h).toBeGreaterThanOrEqual(lineHeight);
  const narration = page.getByTestId('narration');
  await expect(narration).toHaveAttribute('title', (await narration.textContent())!);
  await narration.focus();
  expect(await narration.locator('.narration-text').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  // The graph overflows its short pane here, yet no overview map covers a third of it; dragging
  // the divider under the graph down, for a taller pane, brings the map back.
  await expect(page.getByTestId('graph').locator('.react-flow__node')).not.toHaveCount(0);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  const divider = (await page.locator('.sep').nth(2).boundingBox())!;
  await page.mouse.move(divider.x + divider.width / 2, divider.y + divider.height / 2);
  await page.mouse.down();
  await page.mouse.move(divider.x + divider.width / 2, divider.y + 160, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(1);
});

test('the deleted-step toast has a close button and goes away by itself after about 8 s', async ({ page }) => {
  // The page's clock runs as usual but can be moved on, so the 8 s are not waited out for real.
  await page.clock.install();
  await openApp(page);
  await page.locator('[data-step-index="2"] .step-select').click();
  await page.getByRole('button', { name: 'Delete Process validated order' }).click();
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Deleted “Process validated order”');
  await toast.getByRole('button', { name: 'Close' }).click();
  await expect(toast).toHaveCount(0);
  await page.locator('[data-step-index="1"] .step-select').click();
  await page.keyboard.press('Delete');
  await expect(toast).toContainText('Deleted “Validate order”');
  await page.mouse.move(5, 5);
  // Hold the page's clock a second on from now (the toast is then 1–2 s old): from there only
  // runFor moves it, so the timer fires on the test's word instead of after 8 s of waiting.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.clock.runFor(5000);
  await expect(toast).toBeVisible();
  await page.clock.runFor(3000);
  await expect(toast).toHaveCount(0);
});

test('the slider keeps its width, a drag to the end lands at the end, and Home and |◀ go to the starting state', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Throttling and rate limiting');
  await run(page);
  const slider = page.getByTestId('slider');
  const position = page.getByTestId('cursor-position');
  const total = Number(/\/ (\d+)/.exec(await position.innerText())![1]);
  expect(total).toBeGreaterThan(20);
  const widthAtEnd = (await slider.boundingBox())!.width;
  await page.getByRole('button', { name: 'Starting state' }).click();
  await expect(position).toHaveText(`0 / ${total} · start`);
  await expect(page.getByTestId('verdict')).toHaveText('The starting state: the task data before any step ran.');
  expect((await slider.boundingBox())!.width).toBe(widthAtEnd);
  // Drag the thumb past the right end: the last step run, not somewhere short of it.
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(position).toContainText(`${total} / ${total}`);
  expect((await slider.boundingBox())!.width).toBe(widthAtEnd);
  // Home (from the page or the slider) is the starting state; End the last step run.
  await page.locator('body').press('Home');
  await expect(position).toContainText(`0 / ${total}`);
  await page.keyboard.press('End');
  await expect(position).toContainText(`${total} / ${total}`);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(position).toContainText(`0 / ${total}`);
});

test('at the starting state every panel shows the data before the first step run', async ({ page }) => {
  await openApp(page);
  await run(page);
  await expect(status(page)).toHaveText('done');
  await page.getByRole('button', { name: 'Starting state' }).click();
  await expect(page.getByTestId('cursor-position')).toHaveText('0 / 3 · start');
  await expect(dataRow(page, 'order.status')).toContainText('"new"');
  await expect(dataRow(page, 'order.completedAt')).toHaveCount(0);
  await expect(page.getByTestId('node-state-0')).not.toContainText('ran');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('cursor-position')).toContainText('1 / 3');
  await expect(dataRow(page, 'order.status')).toContainText('"processing"');
});
