// Panels tell the truth: an edit made while paused shows at once, and Step on a finished run
// asks before it throws the run away.
import { expect, test } from '@playwright/test';
import { clearEditor, dataRow, openApp, openWorkspaceFile, run, status } from './driver.ts';

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

test('a condition that throws shows beside its step in the list, the graph and the log', async ({ page }) => {
  await openApp(page);
  const throwing = 'export const condition = { n: { $lt: data.list.length } };\nexport const content = async () => {\n  data.n = 1;\n};\n';
  const fine = 'export const condition = { n: 0 };\nexport const content = async () => {\n  data.done = true;\n};\n';
  const ws = {
    version: 1,
    name: 'Throwing condition',
    steps: [
      { name: 'Reads a missing list', source: throwing },
      { name: 'Fine', source: fine },
    ],
    tasks: [{ name: 'T', data: { n: 0 } }],
  };
  await openWorkspaceFile(page, ws, 'throwing.steplab.json');
  await expect(page.locator('[data-step-index="0"] [data-badge="condition-error"]')).toHaveText(/Condition error/);
  await run(page);
  await expect(page.getByTestId('node-condition-error-0')).toBeVisible();
  await expect(page.getByTestId('node-condition-error-0')).toHaveAttribute('title', /reading 'length'/);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.locator('.event-row[data-kind="condition-error"]').first()).toContainText('its condition could not be evaluated');
});
