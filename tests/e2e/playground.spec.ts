import { savedWorkspaceText } from './saved.ts';
import { expect, test } from '@playwright/test';
import { badge, caretAtEndOfLine, dataRow, openApp, replaceWordInEditor, run, status } from './driver.ts';

test('first load opens the sequential example with its three steps and no console errors', async ({ page }) => {
  const errors: string[] = [];
  await openApp(page, errors);
  await expect(page.getByLabel('Workspace name')).toHaveValue('Sequential processing');
  await expect(page.locator('.react-flow__node-step')).toHaveCount(3);
  await expect(badge(page, 0)).toHaveText('● Matches');
  await expect(badge(page, 1)).toHaveText('○ No match');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  expect(errors).toEqual([]);
});

test('running shows done, three slider positions, the data, and node states that follow the cursor', async ({ page }, info) => {
  await openApp(page);
  await run(page);
  await expect(status(page)).toHaveText('done');
  await expect(page.getByTestId('slider')).toHaveAttribute('max', '2');
  await expect(page.getByTestId('cursor-position')).toContainText('3 / 3');
  await expect(dataRow(page, 'order.status')).toContainText('"complete"');
  await expect(page.getByTestId('node-state-2')).toContainText('running');
  // The graph is at a readable size, with part of it out of view (it keeps the step at the
  // cursor in view, here the last): the minimap shows all of it, in the nodes' state colours,
  // and follows the cursor.
  const mini = page.locator('.react-flow__minimap-node');
  await expect(mini.and(page.locator('[data-state="running"]'))).toHaveCount(1);
  await expect(mini.and(page.locator('[data-state="ran"]'))).toHaveCount(2);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(dataRow(page, 'order.status')).toContainText('"validated"');
  await expect(mini.and(page.locator('[data-state="ready"]'))).toHaveCount(1);
  // The fit button shows the whole graph, the end node too (not reached at this cursor); then the
  // minimap has nothing to add.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(page.getByTestId('end-node')).toHaveText('■ end');
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('running-graph.png') });
  await expect(page.getByTestId('node-state-0')).toContainText('ran 1');
  await expect(page.getByTestId('node-state-1')).toContainText('running');
  await expect(page.getByTestId('node-state-2')).toContainText('ready');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(dataRow(page, 'order.status')).toContainText('"processing"');
  await expect(page.getByTestId('node-state-0')).toContainText('running');
  await expect(page.getByTestId('node-state-2')).toContainText('never matched');
});

test('typing a condition that no longer matches flips the badge, and the run ends incomplete', async ({ page }) => {
  await openApp(page);
  await replaceWordInEditor(page, 'new', 'old');
  await expect(badge(page, 0)).toHaveText('○ No match');
  await run(page);
  await expect(status(page)).toHaveText('incomplete');
  await expect(page.getByTestId('verdict')).toHaveText('No step matches the data. Closest: ‘Initialize processing’ (1 leaf fails: order.status).');
});

test('a runaway step is stopped with "execution timeout" while the page keeps answering', async ({ page }) => {
  await openApp(page);
  await caretAtEndOfLine(page, 7);
  await page.keyboard.press('Enter');
  await page.keyboard.type('while (true) {}');
  await expect(badge(page, 0)).toHaveText('● Matches');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // While the step spins in its worker, the page still takes clicks: the tab switches before the
  // engine gives up on the step (a frozen page would handle the click only after the error).
  await expect(status(page)).toHaveText('running');
  await page.getByRole('tab', { name: 'Config' }).click();
  await expect(page.getByRole('tab', { name: 'Config' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('run-error')).toContainText('execution timeout');
  await expect(status(page)).toHaveText('error');
  await expect(page.getByTestId('node-state-0')).toContainText('failed');
  await page.getByRole('tab', { name: 'Step' }).click();
  await caretAtEndOfLine(page, 8);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await run(page);
  await expect(status(page)).toHaveText('done');
});

test('invalid task JSON shows an inline error and disables Run until it is fixed', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Task data' }).click();
  const editor = page.getByTestId('editor-json');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',');
  await expect(page.getByTestId('json-error')).toContainText('Invalid JSON');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('json-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await run(page);
  await expect(status(page)).toHaveText('done');
});

test('a reload brings back the edited workspace', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Workspace name').fill('My edited workspace');
  await page.getByLabel('Workspace name').press('Enter');
  await page.getByRole('button', { name: 'Add step', exact: true }).first().click();
  // The graph opens at a readable size, so a fourth step may be off screen: count the graph's steps.
  await expect(page.locator('.react-flow[data-node-count="4"]')).toHaveCount(1);
  // Reload once the edit is saved (not after a fixed wait: a busy page saves later).
  await expect.poll(async () => JSON.parse((await savedWorkspaceText(page)) ?? '{}').steps?.length).toBe(4);
  await page.reload();
  await expect(page.getByLabel('Workspace name')).toHaveValue('My edited workspace');
  await expect(page.locator('.react-flow[data-node-count="4"]')).toHaveCount(1);
  await expect(page.locator('[data-step-index="3"] .title')).toHaveText('New step');
});

test('a corrupt saved workspace opens the default example with a notice, not a white screen', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('steplab.workspace.v1', '{"steps": [ oops');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openApp(page);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download damaged copy' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('steplab.workspace.corrupt'))).toBe('{"steps": [ oops');
});

test('changing the list of steps clears a finished run, editing code keeps it', async ({ page }) => {
  await openApp(page);
  await run(page);
  await expect(status(page)).toHaveText('done');
  await caretAtEndOfLine(page, 8);
  await page.keyboard.type(' ');
  await expect(status(page)).toHaveText('done');
  await page.getByRole('button', { name: 'Add step', exact: true }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'not run yet' })).toBeVisible();
  await expect(page.getByTestId('cursor-position')).toContainText('0 / 0');
});

test('Play replays from the starting state to the end, then offers Play again', async ({ page }) => {
  await openApp(page);
  await run(page);
  await page.getByRole('button', { name: 'Starting state' }).click();
  await expect(page.getByTestId('cursor-position')).toContainText('0 / 3');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.getByTestId('cursor-position')).toContainText('3 / 3');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // Stopped at the end: stepping back stays there instead of playing on.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('cursor-position')).toContainText('2 / 3');
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('cursor-position')).toContainText('2 / 3');
});

test('typing in a condition changes its chip in place: no node moves and the view stays', async ({ page }) => {
  await openApp(page);
  const node = page.locator('.react-flow__node[data-id="s1"]');
  const viewport = page.locator('.react-flow__viewport');
  await expect(page.locator('.react-flow[data-layout="final"]')).toBeVisible();
  const before = [await node.getAttribute('style'), await viewport.getAttribute('style')];
  await replaceWordInEditor(page, 'new', 'old');
  await expect(badge(page, 0)).toHaveText('○ No match');
  await expect(page.getByTestId('node-0')).toContainText('order.status = "old"');
  expect([await node.getAttribute('style'), await viewport.getAttribute('style')]).toEqual(before);
});

test('selecting a step in the list brings its node into view', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles('tests/fixtures/one-field-200.steplab.json');
  await expect(page.locator('.react-flow[data-layout="final"][data-node-count="200"]')).toBeVisible();
  const graph = page.getByTestId('graph').locator('.react-flow');
  // A far step is off screen (zoom in while the button allows).
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 8 && (await zoomIn.isEnabled()); i++) await zoomIn.click();
  await expect(page.locator('.react-flow__node[data-id="s40"]')).toHaveCount(0);
  await page.locator('[data-step-index="0"] .step-select').focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const target = page.locator('.react-flow__node[data-id="s40"]');
  await expect(target).toBeVisible();
  const [box, pane] = [(await target.boundingBox())!, (await graph.boundingBox())!];
  expect(box.y).toBeGreaterThanOrEqual(pane.y);
  expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
});

test('at 1280×720 the graph keeps the step at the cursor on screen as a run ends and a replay moves', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const pane = page.getByTestId('graph').locator('.react-flow');
  // Off-screen nodes are not rendered at all (onlyRenderVisibleElements).
  const onScreen = async (id: string) => {
    const node = page.locator(`.react-flow__node[data-id="${id}"]`);
    if ((await node.count()) === 0) return false;
    const [box, area] = [(await node.boundingBox())!, (await pane.boundingBox())!];
    return box.y >= area.y && box.y + box.height <= area.y + area.height && box.x >= area.x && box.x + box.width <= area.x + area.width;
  };
  // The pane is too short for all three steps at a readable zoom: the last is below the fold.
  await expect(page.locator('.react-flow[data-layout="final"]')).toBeVisible();
  expect(await onScreen('s2')).toBe(false);
  await run(page);
  // The run ends on its last step, and the graph brings that node up.
  await expect(page.getByTestId('cursor-position')).toContainText('3 / 3');
  await expect.poll(() => onScreen('s2')).toBe(true);
  await page.getByRole('button', { name: 'Starting state' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('cursor-position')).toContainText('1 / 3');
  await expect.poll(() => onScreen('s0')).toBe(true);
});
