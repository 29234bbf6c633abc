import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dataRow, openApp, openExample, run, status } from './driver.ts';

test('retry example: two parks in the lanes, three calls in the log, and a click moves everything there', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Retry and recovery (recovers)');
  await run(page);
  await page.getByRole('tab', { name: 'Lanes', exact: true }).click();
  const gaps = page.getByTestId('lane-gap');
  await expect(gaps).toHaveCount(2);
  await expect(gaps.nth(0)).toHaveAttribute('data-reason', 'park 2 s');
  await expect(gaps.nth(1)).toHaveAttribute('data-reason', 'park 4 s');
  await page.getByRole('tab', { name: 'Log', exact: true }).click();
  const calls = page.locator('.event-row[data-kind="connector-call"]');
  await expect(calls).toHaveCount(3);
  await calls.nth(1).click();
  await expect(page.getByTestId('cursor-position')).toContainText('2 / 3');
  await expect(page.getByTestId('cursor-position')).toContainText('t = 2.150 s');
  await expect(page.getByTestId('node-state-0')).toContainText('running');
  await page.getByRole('tab', { name: 'Data', exact: true }).click();
  await expect(dataRow(page, 'apiCall.attempts')).toContainText('1');
  await expect(dataRow(page, 'apiCall.lastError')).toContainText('503 Service Unavailable');
});

test('why: the enterprise step does not match a premium customer, and the verdict names customer.tier', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Conditional branching');
  await run(page);
  await page.locator('[data-step-index="2"]').click();
  await page.getByRole('tab', { name: 'Why', exact: true }).click();
  await expect(page.getByTestId('why-verdict')).toHaveText('No match: 1 of 2 leaves fail: `customer.tier` expected "enterprise", actual "premium".');
  await expect(page.getByTestId('leaf').filter({ hasText: 'customer.tier' })).toHaveClass(/fail/);
});

test('a breakpoint on a middle step pauses there; editing the data and continuing ends as the edit implies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByRole('button', { name: 'Breakpoint before Validate order' }).click();
  await expect(page.getByRole('button', { name: 'Breakpoint on Validate order' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('paused')).toContainText('before ‘Validate order’ runs');
  await expect(status(page)).toHaveText('paused');
  await expect(dataRow(page, 'order.status')).toContainText('"processing"');
  await page.getByRole('button', { name: 'Edit data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task data' });
  await dialog.locator('.view-lines').click();
  await page.evaluate(() =>
    navigator.clipboard.writeText(
      JSON.stringify({ order: { id: 'A-1001', status: 'processing', items: [], customer: { email: 'ada@example.com' } } }, null, 2),
    ),
  );
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await dialog.getByRole('button', { name: 'Apply edit' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(status(page)).toHaveText('incomplete');
  await expect(dataRow(page, 'order.status')).toContainText('"invalid"');
  await page.getByRole('tab', { name: 'Log', exact: true }).click();
  await expect(page.locator('.event-row[data-kind="data-edited"]')).toHaveText(/data edited: .*order\.items/);
});

test('a saved trace replays after a reload, with the same data at the same positions', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Retry and recovery (recovers)');
  await run(page);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('cursor-position')).toContainText('2 / 3');
  await expect(dataRow(page, 'apiCall.attempts')).toContainText('2');
  await expect(dataRow(page, 'apiCall.success')).toHaveCount(0);
  const before = await page.getByTestId('data-panel').locator('.json-tree').innerText();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Save trace/ }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  await page.reload();
  await openExample(page, 'Sequential processing');
  await page.getByTestId('open-file').setInputFiles({ name: 'retry.trace.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByLabel('Workspace name')).toHaveValue('Retry and recovery (recovers)');
  await expect(page.getByTestId('cursor-position')).toContainText('3 / 3');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('cursor-position')).toContainText('2 / 3');
  await expect.poll(() => page.getByTestId('data-panel').locator('.json-tree').innerText()).toBe(before);
  await expect(page.getByRole('alert').filter({ hasText: 'nothing was run again' })).toBeVisible();
});

test('fork a premium customer into an enterprise one: the branch runs the enterprise step and compare shows it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await openExample(page, 'Conditional branching');
  await run(page);
  await page.getByRole('button', { name: 'Fork from here…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Fork from here' });
  await dialog.locator('.view-lines').click();
  await page.evaluate(() =>
    navigator.clipboard.writeText(JSON.stringify({ customer: { name: 'Premium Corp', tier: 'enterprise', verified: true }, order: { total: 1500 } }, null, 2)),
  );
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await dialog.getByRole('button', { name: 'Run branch' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('node-state-2')).toContainText('running 1');
  // The graph followed the cursor to the enterprise step; the whole graph shows the premium one too.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(page.getByTestId('node-state-0')).toContainText('never matched');
  await page.getByRole('tab', { name: 'Branches', exact: true }).click();
  await expect(page.getByTestId('branch')).toHaveCount(2);
  await page.getByRole('button', { name: 'compare with active' }).click();
  const compare = page.getByTestId('compare');
  await expect(compare).toContainText('Premium customer workflow');
  await expect(compare).toContainText('Enterprise customer workflow');
  await expect(compare.locator('tr').filter({ hasText: 'customer.tier' })).toContainText('"premium"');
  await expect(compare.locator('tr').filter({ hasText: 'customer.tier' })).toContainText('"enterprise"');
  // Runs line up by virtual time: main's runs up to the fork are history, the first real
  // difference is the branch's enterprise step, and the branch's clock goes on from the fork.
  const forkedAt = /at t = ([\d.]+) s/.exec(await page.getByTestId('branch').nth(1).innerText())![1];
  await expect(compare.locator('tr.before-fork').first()).toContainText('Premium customer workflow');
  await expect(compare.locator('tr.differs')).toHaveCount(1);
  await expect(compare.locator('tr.differs')).toContainText(`${forkedAt} s`);
  await expect(compare.locator('tr.differs')).toContainText('Enterprise customer workflow');

  // A saved trace keeps both branches and which one is active.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Save trace/ }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  await page.getByRole('radio', { name: 'main', exact: true }).check();
  await expect(page.getByTestId('node-state-0')).toContainText('running 1');
  await expect(page.getByTestId('node-state-2')).toContainText('never matched');
  await openExample(page, 'Sequential processing');
  await page.getByTestId('open-file').setInputFiles({ name: 'fork.trace.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByLabel('Workspace name')).toHaveValue(/branching/i);
  await page.getByRole('tab', { name: 'Branches', exact: true }).click();
  await expect(page.getByTestId('branch')).toHaveCount(2);
  await expect(page.getByRole('radio', { name: /^branch 2/ })).toBeChecked();
  await expect(page.getByTestId('node-state-2')).toContainText('running 1');
  await page.getByRole('radio', { name: 'main', exact: true }).check();
  await expect(page.getByTestId('node-state-0')).toContainText('running 1');
});

test('hovering a step node marks the paths its condition reads (pass or fail) and the paths it wrote', async ({ page }) => {
  await openApp(page);
  await run(page);
  // The graph opens at a readable size with the last step below the fold: show all of it.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.getByTestId('node-1').hover();
  await expect(dataRow(page, 'order.status')).toHaveClass(/read-fail/);
  await expect(dataRow(page, 'order.status')).toHaveClass(/written/);
  await expect(dataRow(page, 'order.validatedAt')).toHaveClass(/written/);
  await page.getByTestId('node-2').hover();
  await expect(dataRow(page, 'order.status')).toHaveClass(/read-fail/);
  await page.mouse.move(5, 880);
  await expect(dataRow(page, 'order.status')).not.toHaveClass(/read-/);
});
