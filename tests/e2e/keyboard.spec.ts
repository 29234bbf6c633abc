// Keyboard use: leaving the editor is discoverable, focus is always visible, names are words.
import { expect, test, type Locator } from '@playwright/test';
import { openApp, run } from './driver.ts';

test('the ? overlay lists Ctrl+M, and the step editor says how to leave it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keys.getByRole('row').filter({ hasText: 'Ctrl + M' })).toContainText('Tab between indenting and moving focus');
  await page.keyboard.press('Escape');

  const editor = page.getByTestId('editor-javascript');
  await expect(page.getByTestId('editor-hint')).toHaveCount(0);
  await editor.locator('.view-lines').click();
  await expect(page.getByTestId('editor-hint')).toHaveText('Tab indents here. Ctrl+M makes Tab move focus out (press again to indent).');
  // Ctrl+M, then Tab leaves the editor; the hint goes with the focus.
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(false);
  await expect(page.getByTestId('editor-hint')).toHaveCount(0);
  // Back in, Ctrl+M again: Tab indents once more.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
});

/** Relative luminance contrast between two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Focuses by keyboard (Tab from the element before it) and reads the ring and what it sits on. */
async function ringOf(target: Locator): Promise<{ visible: boolean; color: string; width: number; background: string }> {
  await target.evaluate((el) => (el as HTMLElement).focus());
  await expect(target).toBeFocused();
  return target.evaluate((el) => {
    const css = getComputedStyle(el);
    const path = el.querySelector('.react-flow__edge-path');
    let bg = 'rgb(255, 255, 255)';
    for (let n: Element | null = el.parentElement; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    if (path) {
      const p = getComputedStyle(path);
      return { visible: el.matches(':focus-visible'), color: p.stroke, width: parseFloat(p.strokeWidth), background: bg };
    }
    return {
      visible: el.matches(':focus-visible') && css.outlineStyle !== 'none',
      color: css.outlineColor,
      width: parseFloat(css.outlineWidth),
      background: bg,
    };
  });
}

test('graph nodes, edges, list items, tabs and buttons show a focus ring of at least 3:1', async ({ page }) => {
  await openApp(page);
  await run(page);
  // Keyboard focus first, so :focus-visible applies as it does for a person using Tab.
  await page.getByLabel('Workspace name').focus();
  await page.keyboard.press('Tab');
  const targets: [string, Locator][] = [
    ['graph node', page.locator('.react-flow__node[data-id="s1"]')],
    ['graph edge', page.locator('.react-flow__edge[tabindex="0"]').first()],
    ['step list item', page.locator('[data-step-index="0"] .step-select')],
    ['editor tab', page.getByRole('tab', { name: 'Task data' })],
    ['inspector tab', page.getByRole('tab', { name: 'Why', exact: true })],
    ['Run button', page.getByRole('button', { name: 'Run', exact: true })],
    ['Reset button', page.getByRole('button', { name: 'Reset', exact: true })],
    ['timeline button', page.getByRole('button', { name: 'Step back' })],
  ];
  for (const [what, target] of targets) {
    const ring = await ringOf(target);
    expect(ring.visible, what).toBe(true);
    expect(ring.width, what).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, ring.background), `${what}: ${ring.color} on ${ring.background}`).toBeGreaterThanOrEqual(3);
  }
});

test('buttons are named by words: decorative glyphs are hidden from screen readers', async ({ page }) => {
  await openApp(page);
  for (const name of ['Run', 'Step', 'Reset', 'Stop', 'Examples', 'File', 'Add step']) {
    await expect(page.getByRole('button', { name, exact: true }).first()).toBeVisible();
  }
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('paused')).toBeVisible();
  const snapshot = await page.locator('body').ariaSnapshot();
  const names = [...snapshot.matchAll(/- (?:button|tab|menuitem|link) "([^"]*)"/g)].map((m) => m[1]);
  expect(names.length).toBeGreaterThan(20);
  expect(names.filter((n) => !/^[\p{L}\d?]/u.test(n))).toEqual([]);
});
