import { expect, test } from '@playwright/test';
import { badge, caretAtEndOfLine, openApp, run, status } from './driver.ts';

test('IntelliSense completes the task data and documents the step API', async ({ page }) => {
  await openApp(page);
  await caretAtEndOfLine(page, 8);
  await page.keyboard.press('Enter');
  await page.keyboard.type('data.order.');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest.getByText('status', { exact: true })).toBeVisible();
  await expect(suggest.getByText('customer', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('task.');
  await expect(suggest.getByText('complete', { exact: true })).toBeVisible();
  await expect(suggest.getByText('subtask', { exact: true })).toBeVisible();
});

test('an invalid step shows a marker, a red badge and its message, and the run goes on without it', async ({ page }) => {
  await openApp(page);
  await caretAtEndOfLine(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.type('$where: "1",');
  await expect(badge(page, 0)).toHaveText(/⚠ Invalid/);
  await expect(page.getByTestId('step-error')).toContainText('$where is an unknown operator (at the top level): conditions cannot run code');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await expect(page.getByTestId('node-state-0')).toContainText('invalid');
  await run(page);
  await expect(status(page)).toHaveText('incomplete');
});

test('pasting a block of several steps offers to split it into steps', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByRole('button', { name: 'Add step', exact: true }).first().click();
  await expect(page.locator('[data-step-index="3"]')).toHaveAttribute('data-selected', 'true');
  const block = `// Step 4: Approve small orders
export const condition = { order: { total: { $lt: 100 } } };
export const content = async () => { data.order.approved = true; };

// Step 5: Flag large orders
export const condition = { order: { total: { $gte: 100 } } };
export const content = async () => { data.order.flagged = true; };
`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), block);
  const editor = page.getByTestId('editor-javascript');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await expect(page.getByRole('status').filter({ hasText: 'Split it into 2 steps?' })).toBeVisible();
  await page.getByRole('button', { name: 'Split', exact: true }).click();
  await expect(page.locator('[data-step-index="3"] .title')).toHaveText('Approve small orders');
  await expect(page.locator('[data-step-index="4"] .title')).toHaveText('Flag large orders');
  await expect(page.locator('.react-flow[data-node-count="5"]')).toHaveCount(1);
});

test('steps can be added, renamed, disabled, reordered by keyboard, deleted and restored', async ({ page }) => {
  await openApp(page);
  const item = (i: number) => page.locator(`[data-step-index="${i}"]`);
  await item(2).dblclick();
  await page.getByLabel('Step name').fill('Finish order');
  await page.getByLabel('Step name').press('Enter');
  await expect(item(2).locator('.title')).toHaveText('Finish order');
  await item(2).locator('.step-select').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(item(1).locator('.title')).toHaveText('Finish order');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(item(2).locator('.title')).toHaveText('Finish order');
  await page.getByLabel('Enable Validate order').uncheck();
  await expect(badge(page, 1)).toHaveText('⊘ Off');
  await expect(page.getByTestId('node-state-1')).toContainText('disabled');
  await page.getByLabel('Enable Validate order').check();
  await page.getByRole('button', { name: 'Delete Finish order' }).click();
  await expect(page.locator('.react-flow__node-step')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(item(2).locator('.title')).toHaveText('Finish order');
  await run(page);
  await expect(status(page)).toHaveText('done');
});

test('Step runs one step at a time, F10 steps, and Stop ends the run', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('cursor-position')).toContainText('1 / 1');
  await expect(status(page)).toHaveText('paused');
  await page.keyboard.press('F10');
  await expect(page.getByTestId('cursor-position')).toContainText('2 / 2');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(status(page)).toHaveText('waiting');
  await page.keyboard.press('Control+Enter');
  await expect(status(page)).toHaveText('done');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('clicking a graph node selects that step in the list and the editor', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('node-2').click();
  await expect(page.locator('[data-step-index="2"]')).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('editor-javascript')).toContainText('Process validated order');
});
