// Hostile inputs in the tab: each gets a clear notice, the page keeps answering, and the
// person's workspace is still there afterwards.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { openApp, openExample, run, status } from './driver.ts';

const alert = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

async function openBytes(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

/** The page still answers input and still holds the person's workspace. */
async function expectIntact(page: Page): Promise<void> {
  await expect(page.getByLabel('Workspace name')).toHaveValue('Aggregation');
  await page.getByRole('tab', { name: 'Config' }).click();
  await expect(page.getByRole('tab', { name: 'Config' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Step' }).click();
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await openExample(page, 'Aggregation');
});

test('a 7 KB link that unpacks to 8 MB is refused while unpacking', async ({ page }) => {
  const bomb = readFileSync(new URL('../fixtures/link-bomb.txt', import.meta.url), 'utf8').trim();
  await page.goto(`/${bomb}`);
  await expect(alert(page, 'This link could not be opened')).toContainText('too large');
  await expectIntact(page);
});

test('a ZIP that inflates past 50 MB is refused before inflating', async ({ page }) => {
  const bomb = Buffer.from(zipSync({ 'steps/01-a.js': new Uint8Array(120 * 1024 * 1024) }, { level: 9 }));
  expect(bomb.length).toBeLessThan(1024 * 1024);
  await openBytes(page, 'bomb.zip', bomb);
  await expect(alert(page, 'bomb.zip unpacks to more than 50 MB')).toContainText('Your workspace was not changed');
  await expectIntact(page);
});

test('a file with 100,000 steps is refused with the count', async ({ page }) => {
  const source = 'export const condition = { a: 1 };\nexport const content = async () => {};\n';
  const steps = Array.from({ length: 100_000 }, (_, i) => ({ name: `S${i}`, source }));
  await openBytes(page, 'huge.steplab.json', Buffer.from(JSON.stringify({ version: 1, steps, tasks: [] })));
  await expect(alert(page, 'huge.steplab.json has 100,000 steps')).toContainText('at most 2,000');
  await expectIntact(page);
});

test('data nested 100,000 levels deep is refused with its path', async ({ page }) => {
  const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
  await openBytes(page, 'deep.steplab.json', Buffer.from(`{"steps":[],"tasks":[{"name":"Deep","data":${deep}}]}`));
  await expect(alert(page, 'nested more than 1000 levels deep')).toContainText('deep.steplab.json.tasks[0].data.a');
  await expectIntact(page);
});

test('a malformed trace file is refused before it replaces anything', async ({ page }) => {
  const trace = {
    format: 'steplab-trace',
    version: 1,
    task: 'T',
    workspace: { steps: [{ name: 'A', source: 'export const condition = {};\nexport const content = async () => {};\n' }], tasks: [{ name: 'T', data: {} }] },
    events: [
      { seq: 0, t: 0, task: 't0', kind: 'task-created', name: 'T', parent: null, data: {} },
      { seq: 1, t: 0, task: 't0', kind: 'step-finished', step: 0, run: 1, redo: false, inverse: [], patches: [{ op: 'add', path: ['a', 'b', 'c'], value: 1 }] },
    ],
  };
  await openBytes(page, 'broken.trace.json', Buffer.from(JSON.stringify(trace)));
  await expect(alert(page, 'broken.trace.json: its recorded changes do not replay')).toBeVisible();
  await expectIntact(page);
});

test('whatever a step throws becomes a readable step error', async ({ page }) => {
  const throwers = {
    proxy:
      "new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, has() { throw new Error('trap'); } })",
    symbol: "Symbol('odd')",
    null: 'null',
    getter: "({ get message() { throw new Error('getter'); } })",
  };
  for (const [name, thrown] of Object.entries(throwers)) {
    const ws = {
      version: 1,
      name: `Throws ${name}`,
      steps: [{ name: 'Thrower', source: `export const condition = { go: true };\nexport const content = async () => { throw ${thrown}; };\n` }],
      tasks: [{ name: 'T', data: { go: true } }],
    };
    await openBytes(page, `${name}.steplab.json`, Buffer.from(JSON.stringify(ws)));
    await expect(page.getByLabel('Workspace name')).toHaveValue(`Throws ${name}`);
    await run(page);
    await expect(status(page), name).toHaveText('error');
    const shown = (await page.getByTestId('run-error').count()) ? await page.getByTestId('run-error').textContent() : '';
    expect(shown, name).not.toMatch(/unexpected failure|at .*\.js:\d+/);
    await expect(page.getByTestId('node-state-0'), name).toContainText('failed');
  }
});
