import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { badge, caretAtEndOfLine, dataRow, openApp, openExample, run, status } from './driver.ts';

test('a shared link opens the workspace without running it; a garbage link leaves the workspace untouched', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await openExample(page, 'Aggregation');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Copy share link/ }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#v1\//);
  await expect(page.getByRole('alert').filter({ hasText: 'Link copied' })).toBeVisible();

  const other = await context.newPage();
  await other.goto('/');
  await openExample(other, 'Parallel processing');
  await other.goto(`/#v1/this-is-not-a-workspace`);
  await expect(other.getByRole('alert').filter({ hasText: 'This link could not be opened' })).toContainText('damaged or cut short');
  await expect(other.getByLabel('Workspace name')).toHaveValue('Parallel processing');

  await other.goto(link);
  await expect(other.getByLabel('Workspace name')).toHaveValue('Aggregation');
  await expect(other.getByRole('alert').filter({ hasText: 'from a shared link' })).toContainText('Nothing has run');
  await expect(other.getByRole('status').filter({ hasText: 'not run yet' })).toBeVisible();
  await expect(other).toHaveURL(/\/$/);
});

test('a hard close in the middle of a run keeps every edit made more than a second before', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByLabel('Workspace name').fill('Edited before the crash');
  await page.getByLabel('Workspace name').press('Enter');
  await caretAtEndOfLine(page, 7);
  await page.keyboard.press('Enter');
  await page.evaluate(() => navigator.clipboard.writeText('for (const end = performance.now() + 1500; performance.now() < end;) {}'));
  await page.keyboard.press('Control+V');
  await expect(badge(page, 0)).toHaveText('● Matches');
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText('running');
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByLabel('Workspace name')).toHaveValue('Edited before the crash');
  await expect(again.getByTestId('editor-javascript')).toContainText('performance.now() + 1500');
});

test('a step that grows the data past maxDataBytes ends with a clear error and the tab keeps working', async ({ page }) => {
  await openApp(page);
  await caretAtEndOfLine(page, 7);
  await page.keyboard.press('Enter');
  await page.keyboard.type('data.blob = "x".repeat(2000000);');
  await run(page);
  await expect(status(page)).toHaveText('error');
  await page.getByRole('tab', { name: 'Log', exact: true }).click();
  await expect(page.locator('.event-row[data-kind="step-failed"]')).toContainText('exceeds maxDataBytes (1048576)');
  await openExample(page, 'Sequential processing');
  await run(page);
  await expect(status(page)).toHaveText('done');
});

test('export a step folder as a ZIP and import it back; loose .js step files import too', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Progressive data enrichment');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Export step folder/ }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toBe('progressive-data-enrichment.zip');
  const bytes = readFileSync(await zip.path());
  await openExample(page, 'Sequential processing');
  await page.getByTestId('open-file').setInputFiles({ name: 'progressive-data-enrichment.zip', mimeType: 'application/zip', buffer: bytes });
  await expect(page.getByRole('alert').filter({ hasText: 'Imported 3 steps' })).toBeVisible();
  await expect(page.locator('[data-step-index="1"] .title')).toHaveText('Company enrichment');
  await page.getByLabel('Task', { exact: true }).selectOption({ label: 'Known tech company' });
  await run(page);
  await expect(status(page)).toHaveText('incomplete');
  await expect(dataRow(page, 'customer.tier')).toContainText('"premium"');

  const one = '// step: Start\nexport const condition = { go: true };\nexport const content = async () => { data.went = true; task.complete(); };\n';
  const two = 'export const condition = { went: true };\nexport const content = async () => {};\n';
  await page.getByTestId('open-file').setInputFiles([
    { name: '01-start.js', mimeType: 'text/javascript', buffer: Buffer.from(one) },
    { name: '02-after.js', mimeType: 'text/javascript', buffer: Buffer.from(two) },
    { name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ name: 'Go', data: { go: true } }])) },
  ]);
  await expect(page.locator('[data-step-index="0"] .title')).toHaveText('Start');
  await expect(page.locator('[data-step-index="1"] .title')).toHaveText('02-after');
  await run(page);
  await expect(status(page)).toHaveText('done');
});
