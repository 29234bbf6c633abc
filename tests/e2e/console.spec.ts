// A run that logs 100,000 lines: the Console stays responsive (rows are windowed) and says how
// much output was dropped past the run's cap.
import { expect, test } from '@playwright/test';
import { openApp, openWorkspaceFile, run, status } from './driver.ts';

/** Ten runs of 10,000 lines each, so no single step run nears stepTimeoutMs. */
const chatty = `export const condition = { go: true };
export const content = async () => {
  const run = data.runs ?? 0;
  for (let i = 0; i < 10000; i++) console.log('line ' + (run * 10000 + i) + ' of a very chatty step');
  data.runs = run + 1;
  if (data.runs < 10) step.redo();
  else data.go = false;
};
`;

test('100,000 console lines: the Console stays responsive and reports what was dropped', async ({ page }) => {
  await openApp(page);
  const ws = { version: 1, name: 'Chatty', steps: [{ name: 'Chatty', source: chatty }], tasks: [{ name: 'T', data: { go: true } }] };
  await openWorkspaceFile(page, ws, 'chatty.steplab.json');
  await run(page);
  await expect(status(page)).not.toHaveText('running');
  await page.getByRole('tab', { name: 'Console' }).click();
  const rows = page.locator('.console-lines li');
  await expect(rows.first()).toContainText('line 0 of a very chatty step');
  // Windowed: only the rows in view are in the page.
  expect(await rows.count()).toBeLessThan(100);
  // The page answers at once: another tab opens while 100,000 lines are loaded.
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.getByRole('tab', { name: 'Log' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Console' }).click();
  await page.locator('.console-lines').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rows.last()).toContainText(/dropped|line 99999/);
});
