// The step badges are live checks of the starting data, not replay: they say so.
import { expect, test } from '@playwright/test';
import { badge, openApp, run } from './driver.ts';

test('step badges say they test the starting data, while the graph follows the cursor', async ({ page }) => {
  await openApp(page);
  const scope = page.getByTestId('badge-scope');
  await expect(scope).toHaveText('Badges test the starting data');
  await expect(scope.locator('abbr')).toHaveAttribute('title', /starting data.*follow the replay cursor/);
  await run(page);
  await page.getByRole('button', { name: 'Step back' }).click();
  // At 2 / 3 the graph shows Validate order as the step that just ran; the badges still test the starting data.
  await expect(page.getByTestId('node-state-1')).toContainText('running');
  await expect(badge(page, 0)).toHaveText('● Matches');
  await expect(badge(page, 0)).toHaveAttribute('title', 'Matches the task’s starting data');
  await expect(badge(page, 1)).toHaveAttribute('title', /^No match on the task’s starting data:\norder\.status: expected "processing", actual "new"/);
});
