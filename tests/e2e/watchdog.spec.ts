// Runaway code in a subtask ends only that subtask: the page's watchdog kills the engine, the
// deterministic run is replayed with that step run failed, and the parent goes on (semantics 4.9).
import { expect, test } from '@playwright/test';
import { dataRow, openApp, openWorkspaceFile, run, status } from './driver.ts';

const step = (condition: string, body: string) => `export const condition = ${condition};\nexport const content = async () => {\n${body}\n};\n`;

test('a subtask that never yields ends in error, and its parent gets the error through into and finishes', async ({ page }) => {
  await openApp(page);
  const ws = {
    version: 1,
    name: 'Runaway children',
    steps: [
      {
        name: 'Spawn',
        source: step(
          '{ root: true }',
          "  for (const i of [1, 2]) task.subtask('spin' + i, { spin: true }, { into: 'c' + i, waitFor: true });\n  data.root = false;",
        ),
      },
      { name: 'Spin', source: step('{ spin: true }', '  while (true) {}') },
      { name: 'After', source: step("{ c2: { status: 'error' } }", '  data.after = true;\n  task.complete();') },
    ],
    tasks: [{ name: 'T', data: { root: true } }],
    limits: { stepTimeoutMs: 500 },
  };
  await openWorkspaceFile(page, ws, 'runaway.steplab.json');
  await run(page);
  await expect(status(page)).toHaveText('done');
  await expect(page.getByTestId('run-error')).toContainText('execution timeout');
  await expect(dataRow(page, 'c1.status')).toContainText('"error"');
  await expect(dataRow(page, 'c2.error')).toContainText('execution timeout');
  await expect(dataRow(page, 'after')).toContainText('true');
  // The page kept answering throughout, and can run again.
  await run(page);
  await expect(status(page)).toHaveText('done');
});

test('a step that runs away after hundreds of quick step runs is named, and only its task ends', async ({ page }) => {
  await openApp(page);
  // The watchdog must blame the step run that hung, not the last of the 300 quick ones before it.
  const ws = {
    version: 1,
    name: 'Late runaway',
    steps: [
      { name: 'Count', source: step('{ n: { $lt: 300 } }', '  data.n++;\n  step.redo();') },
      { name: 'Spawn', source: step('{ n: 300 }', "  task.subtask('spin', { spin: true }, { into: 'child', waitFor: true });\n  data.n = 301;") },
      { name: 'Spin', source: step('{ spin: true }', '  while (true) {}') },
      { name: 'After', source: step("{ child: { status: 'error' } }", '  task.complete();') },
    ],
    tasks: [{ name: 'T', data: { n: 0 } }],
    limits: { stepTimeoutMs: 500, maxSteps: 1000 },
  };
  await openWorkspaceFile(page, ws, 'late.steplab.json');
  await run(page);
  await expect(status(page)).toHaveText('done');
  // Blaming any earlier step run (a Count in the root task) would have ended the root in error.
  await expect(dataRow(page, 'child.error')).toContainText('execution timeout');
  await expect(dataRow(page, 'n')).toContainText('301');
  await expect(page.getByTestId('run-error')).toContainText('execution timeout');
});
