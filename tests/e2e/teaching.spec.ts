import { expect, test } from '@playwright/test';
import { dataRow, openApp } from './driver.ts';

test('play the sequential lesson to the end: the cursor, highlights and text follow each stop', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: /^Sequential processing · lesson/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
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
  await expect(page.getByTestId('narration')).toHaveText(
    /^‘Process validated order’ ran because `order.status` is "validated"\. It set `order.status` to "complete" and added `order.completedAt`\. The task is done\.$/,
  );
});

test('quiz on the parallel example: a wrong guess shows why, a right one scores', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Parallel processing/ }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('incomplete');
  await page.getByLabel('Quiz').check();
  await expect(page.getByTestId('cursor-position')).toContainText('0 / 3');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('quiz')).toContainText('Which step runs next?');
  await page.getByTestId('node-1').click();
  await expect(page.getByTestId('quiz-feedback')).toHaveText(
    '✕ ‘Inventory check (runs simultaneously)’ matched too, but ‘Payment processing (runs immediately)’ is earlier in the list: ‘Payment processing (runs immediately)’ runs next.',
  );
  await expect(page.getByTestId('cursor-position')).toContainText('1 / 3');
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('3');
  await expect(page.getByTestId('quiz-feedback')).toContainText("‘Coordination step (waits for both)’ doesn't match yet");
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('3');
  await expect(page.getByTestId('quiz-feedback')).toContainText('✓ Right');
  await expect(page.getByTestId('quiz')).toContainText('score 1 / 3');
});

test('the quiz gives nothing away while it asks, and Quiz plus Step asks before each step run', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Parallel processing/ }).click();
  await page.getByLabel('Quiz').check();
  // Nothing has run yet: the prompt names a control that works now.
  await expect(page.getByTestId('quiz')).toContainText('Press Step (F10) for a question before each step run.');
  await page.keyboard.press('F10');
  await expect(page.getByTestId('quiz')).toContainText('Which step runs next?');
  await expect(page.getByTestId('cursor-position')).toContainText('0 / 1');
  // Payment and Inventory both match: the graph, Why and the narration show both as candidates.
  await expect(page.getByTestId('node-state-0')).toContainText('ready');
  await expect(page.getByTestId('node-state-1')).toContainText('ready');
  await page.getByRole('tab', { name: 'Why' }).click();
  await expect(page.getByTestId('why-verdict')).toHaveText('Matched; it could run next. Which step runs is the quiz’s question.');
  await expect(page.getByTestId('narration')).toHaveText('Quiz: which step runs next? Click its node or press its number.');
  // Step waits for the answer (the header's Step and the paused bar's alike).
  const stepButtons = page.getByRole('button', { name: 'Step', exact: true });
  await stepButtons.first().click();
  await expect(page.getByTestId('cursor-position')).toContainText('0 / 1');
  await page.getByTestId('node-0').click();
  await expect(page.getByTestId('quiz-feedback')).toContainText('✓ Right');
  await expect(page.getByTestId('cursor-position')).toContainText('1 / 1');
  // Answered: the graph shows the step that ran.
  await expect(page.getByTestId('node-state-0')).toContainText('running');
  await stepButtons.last().click();
  await expect(page.getByTestId('quiz')).toContainText('Which step runs next?');
  await page.keyboard.press('2');
  await expect(page.getByTestId('quiz-feedback')).toContainText('✓ Right');
  await expect(page.getByTestId('quiz')).toContainText('score 2 / 2');
});

test('presenter mode hides the editor and advances by keyboard', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Present' }).click();
  const presenter = page.getByTestId('presenter');
  await expect(presenter).toBeVisible();
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await expect(page.getByLabel('Steps, in priority order')).toHaveCount(0);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveText('done');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cursor-position')).toContainText(/^[12] \/ 3/);
  const before = await page.getByTestId('cursor-position').innerText();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cursor-position')).not.toHaveText(before);
  await expect(page.getByTestId('narration')).toContainText('ran because');
  await page.keyboard.press('Escape');
  await expect(page.locator('.monaco-editor')).toBeVisible();
});

test('presenter: one speed control, names that match the words, and Esc leaves ?present', async ({ page }) => {
  await page.goto('/?present');
  const presenter = page.getByTestId('presenter');
  await expect(presenter).toBeVisible();
  await expect(page.getByTestId('narration')).toHaveText('Press Run and play (Space) to see the steps play out.');
  await expect(page.getByRole('combobox', { name: /speed|per step/i })).toHaveCount(1);
  const play = page.getByRole('button', { name: 'Run and play' });
  await expect(play).toHaveText(/Run and play$/);
  await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('4');
  await play.click();
  await expect(page.getByTestId('run-status')).toHaveText('done');
  await expect(page.getByTestId('cursor-position')).toContainText('3 / 3');
  await page.keyboard.press('Escape');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  // The speed is the same control in the editor's timeline.
  await expect(page.getByRole('combobox', { name: 'Playback speed' })).toHaveValue('4');
});

test('the embed URL shows the graph and player with no editor, and the narration is announced', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Embed…/ }).click();
  const snippet = await page.getByLabel('Snippet').inputValue();
  const src = /src="([^"]+)"/.exec(snippet)![1];
  expect(src).toMatch(/\?embed#v1\//);
  await page.goto(src.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.locator('.react-flow__node-step')).toHaveCount(3);
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'File', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Run and play' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('done');
  const live = page.locator('[aria-live="polite"][data-testid="narration"]');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(live).toContainText('‘Initialize processing’ ran because `order.status` is "new"');
  await page.keyboard.press('ArrowRight');
  await expect(live).toContainText(
    '‘Validate order’ ran because `order.status` is "processing". It set `order.status` to "validated" and added `order.validatedAt`.',
  );
});
