// Panels tell the truth: an edit made while paused shows at once, and Step on a finished run
// asks before it throws the run away.
import { expect, test } from '@playwright/test';
import { clearEditor, dataRow, openApp, run, status } from './driver.ts';

test('an edit made while paused shows at once in the data tree and the graph, before Continue', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Breakpoint before Validate order' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText('paused');
  await expect(dataRow(page, 'order.status')).toContainText('"processing"');
  await page.getByRole('button', { name: 'Edit data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task data' });
  await clearEditor(page, dialog.getByTestId('editor-json'));
  await page.keyboard.type('{ "order": { "status": "on hold", "items": [] } }');
  await dialog.getByRole('button', { name: 'Apply edit' }).click();
  await expect(dialog).toHaveCount(0);
  // Still paused, and every panel already shows the edited data.
  await expect(status(page)).toHaveText('paused');
  await expect(dataRow(page, 'order.status')).toContainText('"on hold"');
  await expect(page.getByTestId('node-state-1')).not.toContainText('ready');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(status(page)).toHaveText('incomplete');
});

test('Step on a finished run asks first; declining keeps the run, accepting starts a new one', async ({ page }) => {
  await openApp(page);
  await run(page);
  await expect(status(page)).toHaveText('done');
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain('finished run will be cleared');
  await expect(status(page)).toHaveText('done');
  await expect(page.getByText('3 step runs')).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status(page)).toHaveText('paused');
  await expect(page.getByText('1 step run', { exact: false }).first()).toBeVisible();
});
