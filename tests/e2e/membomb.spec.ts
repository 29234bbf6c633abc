// Step code that allocates 40 MB per virtual tick, forever. Chromium gives a dedicated worker no
// way to read its own heap, so the bound is the step run's CPU budget across all its slices
// (stepTimeoutMs): the step must fail with a clear message long before the tab runs out of memory.
import { expect, test } from '@playwright/test';
import { openApp, openWorkspaceFile, run, status } from './driver.ts';

const bomb = `export const condition = { go: true };
export const content = async () => {
  const keep = [];
  for (let i = 0; i < 100000; i++) {
    keep.push(new Array(5e6).fill(i));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};
`;

test('a step that allocates without end fails with a clear error and the tab survives', async ({ page }) => {
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await openApp(page);
  const ws = { version: 1, name: 'Memory bomb', steps: [{ name: 'Bomb', source: bomb }], tasks: [{ name: 'T', data: { go: true } }] };
  await openWorkspaceFile(page, ws, 'bomb.steplab.json');
  await run(page);
  await expect(status(page)).toHaveText('error');
  await expect(page.getByTestId('node-state-0')).toContainText('failed');
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.locator('.event-row.kind-step-failed')).toContainText(/timeout|CPU|memory/);
  expect(crashed).toBe(false);
});
