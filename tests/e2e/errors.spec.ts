import { expect, test, type Locator, type Page } from '@playwright/test';
import { caretAtEndOfLine, openApp } from './driver.ts';

test.use({ viewport: { width: 1280, height: 720 } });

const errorsTab = (page: Page) => page.getByRole('tab', { name: /^Errors/ });
const problems = (page: Page) => page.getByTestId('problem');

/** Where an editor's caret is: the active line number, and the column from the caret's x. */
async function caretOf(editor: Locator): Promise<{ line: number; column: number } | null> {
  return editor.evaluate((host) => {
    const active = host.querySelector('.line-numbers.active-line-number');
    const cursor = host.querySelector<HTMLElement>('.cursors-layer .cursor');
    const line = host.querySelector<HTMLElement>('.view-lines .view-line');
    const lines = host.querySelector<HTMLElement>('.view-lines');
    // The caret is drawn only while the editor has focus.
    if (!cursor || !lines || !host.contains(document.activeElement)) return null;
    // Monospace: one character's width from any rendered line.
    const width = line ? line.querySelector('span')!.getBoundingClientRect().width / (line.textContent ?? ' ').length : 1;
    const x = cursor.getBoundingClientRect().left - lines.getBoundingClientRect().left;
    return { line: Number(active?.textContent), column: Math.round(x / width) + 1 };
  });
}

test('the Errors tab lists real mistakes with their line and column, and a click puts the caret there', async ({ page }) => {
  const errors: string[] = [];
  await openApp(page, errors);
  await errorsTab(page).click();
  await expect(page.getByText('No problems.')).toBeVisible();

  // 1. A missing } in the first step's condition (line 3 is `  order: { status: "new" } `).
  await caretAtEndOfLine(page, 3);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('step-error')).toContainText('(the { on line 3 is never closed)');
  await expect(page.getByTestId('step-error')).toContainText('Line 3:10');

  // 2. $equals in the second step.
  await page.locator('[data-step-index="1"] .title').click();
  await caretAtEndOfLine(page, 3);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('order: { status: { $equals: "processing" ');
  await expect(page.getByTestId('step-error')).toContainText('$equals is an unknown operator (at order.status); did you mean `$eq`?');

  // 3. A missing comma in the task data (after `"status": "new"` on line 4).
  await page.getByRole('tab', { name: 'Task data' }).click();
  const json = page.getByTestId('editor-json');
  await json.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('json-error')).toContainText('Line 5:5 — Invalid JSON: expected `,` or `}` after a property value');

  // All three in the Errors tab, counted on the tab, each with its place and position.
  await expect(errorsTab(page)).toHaveAccessibleName('Errors 3');
  await expect(problems(page)).toHaveCount(3);
  await expect(problems(page).nth(0)).toContainText('Initialize processing');
  await expect(problems(page).nth(0)).toContainText('Ln 3, Col 10');
  await expect(problems(page).nth(0)).toContainText('never closed');
  await expect(problems(page).nth(1)).toContainText('Validate order');
  await expect(problems(page).nth(1)).toContainText('Ln 3, Col 22');
  await expect(problems(page).nth(1)).toContainText('did you mean `$eq`?');
  await expect(problems(page).nth(2)).toContainText('Task data');
  await expect(problems(page).nth(2)).toContainText('Ln 5, Col 5');

  // Clicking the first opens the Step tab on that step with the caret on the unclosed {.
  await problems(page).nth(0).getByRole('button').click();
  await expect(page.getByRole('tab', { name: 'Step', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-step-index="0"]')).toHaveAttribute('data-selected', 'true');
  const code = page.getByTestId('editor-javascript');
  await expect.poll(() => caretOf(code)).toEqual({ line: 3, column: 10 });

  // Clicking the JSON one switches to Task data with the caret where the parser stopped.
  await problems(page).nth(2).getByRole('button').click();
  await expect(page.getByRole('tab', { name: /^Task data/ })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => caretOf(json)).toEqual({ line: 5, column: 5 });
  // The broken text survived the tab switches; fixing it takes the problem off the list.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.type(',');
  await expect(page.getByTestId('json-error')).toHaveCount(0);
  await expect(errorsTab(page)).toHaveAccessibleName('Errors 2');

  // The caret lands on the $equals in the second step.
  await problems(page).nth(1).getByRole('button').click();
  await expect(page.locator('[data-step-index="1"]')).toHaveAttribute('data-selected', 'true');
  await expect.poll(() => caretOf(code)).toEqual({ line: 3, column: 22 });
  expect(errors).toEqual([]);
});
