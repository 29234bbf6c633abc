import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './driver.ts';

async function seriousViolations(page: Page, include?: string) {
  // Monaco's own widgets (line numbers, minimap) are the editor library's styling, not ours.
  let builder = new AxeBuilder({ page }).exclude('.monaco-editor');
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

// Light, then dark on the same page (the colours follow the system setting as it changes).
test('the main screen has no serious or critical axe violations, light or dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('done');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  expect(await seriousViolations(page), 'light').toEqual([]);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
  expect(await seriousViolations(page), 'dark').toEqual([]);
});

test('presenter mode has no serious or critical axe violations', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Present' }).click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('done');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the embed has no serious or critical axe violations', async ({ page }) => {
  await page.goto('/?embed');
  await expect(page.getByTestId('embed')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the open Examples menu has no serious or critical axe violations', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  expect(await seriousViolations(page, '.menu-list')).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
});

test('graph nodes are reachable by keyboard, say their state, and Enter selects the step', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('done');
  const node = page.locator('.react-flow__node[data-id="s1"]');
  await node.focus();
  await expect(node).toBeFocused();
  await expect(node.getByRole('group')).toHaveAttribute('aria-label', 'Validate order: ran, ran 1 time');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-step-index="1"]')).toHaveAttribute('data-selected', 'true');
});

test('dialogs keep keyboard focus inside and give it back when they close', async ({ page }) => {
  await openApp(page);
  const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await help.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(help).toBeFocused();
});
