import { expect, test } from '@playwright/test';
import { dataRow, openApp } from './driver.ts';

test('play the sequential lesson to the end: the cursor, highlights and text follow each stop', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples ▾' }).click();
  await expect(page.getByRole('menuitem', { name: /^Sequential processing · 🎓 lesson/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '🎓 Lesson' }).click();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('stop 1 of 3');
  await expect(page.getByTestId('lesson-title')).toHaveText('Nobody calls the next step');
  await expect(page.getByTestId('node-0')).toHaveAttribute('data-spotlight', 'true');
  await expect(dataRow(page, 'order.status')).toHaveClass(/spotlight/);
  await expect(page.getByTestId('cursor-position')).toContainText('1 / 3');
  await page.keyboard.press('n');
  await expect(lesson).toContainText('stop 2 of 3');
  await expect(page.getByTestId('cursor-position')).toContainText('2 / 3');
  await expect(page.getByTestId('node-1')).toHaveAttribute('data-spotlight', 'true');
  await page.getByRole('button', { name: 'Next stop (N)' }).click();
  await expect(page.getByTestId('lesson-title')).toHaveText('Try this');
  await expect(page.getByTestId('cursor-position')).toContainText('3 / 3');
  await expect(page.getByRole('button', { name: 'Next stop (N)' })).toBeDisabled();
  await expect(page.getByTestId('narration')).toHaveText(/^‘Process validated order’ ran because `order.status` is "validated"\. It set `order.status` to "complete" and added `order.completedAt`\. The task is done\.$/);
});
