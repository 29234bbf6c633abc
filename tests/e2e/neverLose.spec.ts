// Never losing work, driven as a person would: replacing, Recent, Undo, two tabs, reload, ZIP.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, openExample, run, status } from './driver.ts';

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
  await page.waitForTimeout(600);
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
  await page.waitForTimeout(800);
  await page.reload();
  await expect(status(page)).toHaveText('done');
  await expect(page.getByTestId('cursor-position')).toHaveText(position);
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
