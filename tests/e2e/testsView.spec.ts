// Tests, Coverage and Explore as a step author uses them: a run saved as an expectation, a
// broken step caught by its failing leaf, exploring an example to a minimal breaking input, and
// that finding kept as a task that fails as a test.
import { expect, test, type Page } from '@playwright/test';
import { openApp, openExample, openWorkspaceFile, replaceWordInEditor, run } from './driver.ts';

const inspectorTab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const rowOf = (page: Page, name: string) => page.getByTestId('test-row').filter({ has: page.getByRole('button', { name, exact: true }) });

test('a run saved as an expectation catches a broken step, leaf by leaf, and opens where it went wrong', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Sequential processing');
  await run(page);
  await inspectorTab(page, 'Tests').click();
  await page.getByRole('button', { name: 'Save run as expectation' }).click();
  await expect(page.getByText('Saved the run as the expectation of “New order”')).toBeVisible();

  // The saved expectation is in the editor's Expect tab, as JSON a person can trim.
  await page.getByRole('tab', { name: 'Expect', exact: true }).click();
  await expect(page.getByTestId('editor-json')).toContainText('"completedAt"');

  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'passed' })).toHaveText(/2 passed, 0 failed/);

  // Break the last step: it now sets "finished" instead of "complete".
  await page.locator('[data-step-index="2"] .step-select').click();
  await page.getByRole('tab', { name: 'Step', exact: true }).click();
  await replaceWordInEditor(page, 'complete', 'finished');
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'passed' })).toHaveText(/1 passed, 1 failed/);
  const failing = rowOf(page, 'New order');
  await expect(failing.locator('tr.fail')).toHaveCount(1);
  await expect(failing.locator('tr.fail td')).toHaveText(['order.status', '"complete"', '"finished"']);

  // A click opens that run in the debugger, at its end (the steps ran in the expected order).
  await failing.getByRole('button', { name: 'New order', exact: true }).click();
  await expect(page.getByTestId('run-status')).toContainText('done');
  // The graph opens at a readable size; the fit button shows all of it, the end node too.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(page.getByTestId('end-node')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('node-state-2')).toContainText('1');
});

test('exploring the branching example finds an input that crashes a step; kept as a task, it fails as a test', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Conditional branching');
  await inspectorTab(page, 'Explore').click();
  const variants = page.getByLabel('Variants');
  await variants.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('300');
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'variants in' })).toHaveText(/Ran 300 variants in [\d.]+ s: \d+ classes\./, { timeout: 30_000 });

  const crash = page.getByTestId('outcome-class').filter({ hasText: "reading 'total'" }).first();
  await expect(crash).toContainText('ran: Enterprise customer workflow');
  await expect(crash).toContainText('minimal example: {"customer":{"tier":"enterprise","verified":true}');
  await expect(crash).toContainText('why: ‘Enterprise customer workflow’ failed: TypeError');

  await crash.getByRole('button', { name: 'Add as task' }).click();
  await expect(page.getByText(/Added the task “Found: error: Enterprise customer workflow/)).toBeVisible();
  await inspectorTab(page, 'Tests').click();
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'passed' })).toHaveText(/3 passed, 1 failed/);
  const found = page.getByTestId('test-row').filter({ hasText: 'Found: error' });
  await expect(found.locator('tr.fail').first().locator('td')).toHaveText(['status', 'incomplete', 'error']);

  // Coverage over the explored runs, drawn on the graph: every step ran, and leaves are marked.
  await inspectorTab(page, 'Coverage').click();
  await page.getByRole('radio', { name: 'Explore' }).check();
  await expect(page.getByText(/300 runs: 3 of 3 steps ran/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show on graph' }).check();
  await expect(page.getByTestId('node-0')).toHaveAttribute('data-coverage', 'ran');
  await expect(page.getByTestId('node-0')).toContainText(/ran \d+× in covered runs/);
});

test('a step no test reaches is marked on the graph as never run', async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Sequential processing');
  // Switch the last step off, so the tests cannot reach it.
  await page.locator('[data-step-index="2"] input[type="checkbox"]').uncheck();
  await inspectorTab(page, 'Tests').click();
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'passed' })).toHaveText(/1 passed, 1 failed/);
  await inspectorTab(page, 'Coverage').click();
  await page.getByRole('checkbox', { name: 'Show on graph' }).check();
  await expect(page.getByTestId('node-2').getByTestId('coverage-never')).toHaveText(/never ran/);
  await expect(page.getByRole('table', { name: 'Coverage by step' }).locator('tr.fail td').first()).toHaveText('Process validated order');
});

test('a variant whose step never ends is its own class, and exploring goes on (on four cores: two engines)', async ({ page }) => {
  // As on a four-core machine, where Explore runs two engines: one is killed, the other goes on.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 4 }));
  await openApp(page);
  expect(await page.evaluate(() => navigator.hardwareConcurrency)).toBe(4);
  const spin = (condition: string, body: string) => `export const condition = ${condition};\nexport const content = async () => {\n  ${body}\n};\n`;
  const workspace = {
    name: 'Runaway',
    steps: [
      { name: 'Spin', source: spin('{ n: { $gt: 5 } }', 'while (true) {}') },
      { name: 'Fine', source: spin('{ n: { $lte: 5 } }', 'data.ok = true;') },
    ],
    tasks: [{ name: 'T', data: { n: 1 } }],
    limits: { stepTimeoutMs: 300 },
  };
  await openWorkspaceFile(page, workspace, 'runaway.json');
  await inspectorTab(page, 'Explore').click();
  await page.getByLabel('Variants').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30');
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'variants in' })).toHaveText(/Ran 30 variants in/, { timeout: 45_000 });
  const hung = page.getByTestId('outcome-class').filter({ hasText: 'Spin: execution timeout' });
  await expect(hung).toContainText('ran: Spin');
  // The variant blamed is one that spins, not one that ran just before it (beats are relayed).
  const example = JSON.parse(await hung.locator('.class-example code').innerText()) as { n?: unknown };
  expect(typeof example.n === 'number' && example.n > 5, JSON.stringify(example)).toBe(true);
  const counts = await page.getByTestId('outcome-class').locator('.class-head .muted').allInnerTexts();
  expect(counts.reduce((sum, text) => sum + Number(/×(\d+)/.exec(text)![1]), 0)).toBe(30);
});
