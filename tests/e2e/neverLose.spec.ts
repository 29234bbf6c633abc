// Never losing work, driven as a person would: replacing, Recent, Undo, two tabs, reload, ZIP.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, openExample, run, status } from './driver.ts';
import { savedSessionText, savedWorkspaceText } from './saved.ts';

const fileMenu = (page: Page) => page.getByRole('button', { name: 'File', exact: true });

async function renameWorkspace(page: Page, name: string): Promise<void> {
  const field = page.getByLabel('Workspace name');
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(name);
}

test('an example opened over my work leaves it in File ▸ Recent, one click away', async ({ page }) => {
  await openApp(page);
  await renameWorkspace(page, 'My order flow');
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(page.locator('.react-flow[data-node-count="4"]')).toHaveCount(1);
  await openExample(page, 'Retry and recovery (recovers)');
  await fileMenu(page).click();
  const recent = page.getByRole('group', { name: 'Recent' });
  await expect(recent.getByRole('menuitem', { name: /^My order flow/ })).toContainText('Saved');
  await recent.getByRole('menuitem', { name: /^My order flow/ }).click();
  await expect(page.getByLabel('Workspace name')).toHaveValue('My order flow');
  await expect(page.locator('.react-flow[data-node-count="4"]')).toHaveCount(1);
});

test('the Undo toast brings the replaced workspace back', async ({ page }) => {
  await openApp(page);
  await renameWorkspace(page, 'Keep me');
  await openExample(page, 'Parallel processing');
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText('Opened the example');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Keep me');
  // New workspace is a replacement too.
  await fileMenu(page).click();
  await page.getByRole('menuitem', { name: /^New workspace/ }).click();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Untitled workspace');
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Keep me');
});

test('two tabs on one workspace: the one that would overwrite a newer save says "another tab"', async ({ page, context }) => {
  await openApp(page);
  await renameWorkspace(page, 'Shared work');
  await expect.poll(() => savedWorkspaceText(page)).toContain('Shared work');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByLabel('Workspace name')).toHaveValue('Shared work');
  await renameWorkspace(second, 'Edited in tab two');
  const notice = page.getByTestId('save-notice');
  await expect(notice).toContainText('another tab');
  // An edit here is not saved over tab two's version.
  await renameWorkspace(page, 'Edited in tab one');
  await page.waitForTimeout(600);
  await expect(notice).toContainText('another tab');
  await notice.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Edited in tab one (copy)');
  await expect(notice).toHaveCount(0);
  await second.reload();
  await expect(second.getByLabel('Workspace name')).toHaveValue('Edited in tab two');
  await fileMenu(second).click();
  await expect(second.getByRole('group', { name: 'Recent' })).toContainText('Edited in tab one (copy)');
});

test('a finished run survives a reload', async ({ page }) => {
  await openApp(page);
  await run(page);
  await expect(status(page)).toHaveText('done');
  const position = await page.getByTestId('cursor-position').innerText();
  await expect.poll(async () => JSON.parse((await savedSessionText(page)) ?? '{}').branches?.[0]?.workspace?.name).toBeTruthy();
  await page.reload();
  await expect(status(page)).toHaveText('done');
  await expect(page.getByTestId('cursor-position')).toHaveText(position);
});

/** From now on every IndexedDB write of this page is cut short, as an unload can cut the last one. */
const cutEveryWrite = (page: Page) =>
  page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      this.transaction.abort();
      return request;
    };
  });

test('an edit whose save is cut short by the reload is back after it (the unload backup)', async ({ page }) => {
  await openApp(page);
  await expect.poll(() => savedWorkspaceText(page)).toBeTruthy();
  await cutEveryWrite(page);
  await renameWorkspace(page, 'Renamed as the page closed');
  await page.reload();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Renamed as the page closed');
  // Once saved properly, the backup is gone, and the next reload shows the same.
  await expect.poll(() => savedWorkspaceText(page)).toContain('Renamed as the page closed');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('steplab.unsaved.')))).toEqual([]);
  await page.reload();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Renamed as the page closed');
});

test('unsaved edits backed up at close, on a workspace another tab saved since, are kept as a copy', async ({ page, context }) => {
  await openApp(page);
  await renameWorkspace(page, 'Base');
  await expect.poll(() => savedWorkspaceText(page)).toContain('Base');
  await cutEveryWrite(page);
  await renameWorkspace(page, 'Mine, not saved');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByLabel('Workspace name')).toHaveValue('Base');
  await renameWorkspace(second, 'Theirs');
  await expect.poll(() => savedWorkspaceText(second)).toContain('Theirs');
  await page.reload();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Theirs');
  await expect(page.getByTestId('save-notice')).toContainText('“Mine, not saved (unsaved changes)” in File ▸ Recent');
  await fileMenu(page).click();
  await page
    .getByRole('group', { name: 'Recent' })
    .getByRole('menuitem', { name: /^Mine, not saved \(unsaved changes\)/ })
    .click();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Mine, not saved (unsaved changes)');
});

test('a ZIP export then import keeps disabled steps and the workspace name', async ({ page }) => {
  await openApp(page);
  await renameWorkspace(page, 'Zipped flow');
  await page
    .locator('[data-step-index="1"]')
    .getByRole('checkbox', { name: /^Enable/ })
    .click();
  await expect(page.locator('[data-step-index="1"]').getByRole('checkbox', { name: /^Enable/ })).not.toBeChecked();
  const download = page.waitForEvent('download');
  await fileMenu(page).click();
  await page.getByRole('menuitem', { name: /^Export step folder/ }).click();
  const bytes = readFileSync(await (await download).path());
  await openExample(page, 'Parallel processing');
  await page.getByTestId('open-file').setInputFiles({ name: 'download (2).zip', mimeType: 'application/zip', buffer: bytes });
  await expect(page.getByLabel('Workspace name')).toHaveValue('Zipped flow');
  await expect(page.locator('[data-step-index="1"]').getByRole('checkbox', { name: /^Enable/ })).not.toBeChecked();
  await expect(page.locator('[data-step-index="0"]').getByRole('checkbox', { name: /^Enable/ })).toBeChecked();
});
