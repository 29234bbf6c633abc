// Typing real code with the keyboard into every editor: spaces, quotes, braces, Enter, Tab,
// Backspace and Ctrl+Z must all reach Monaco, and what was typed must then match and run.
import { expect, test, type Page } from '@playwright/test';
import { badge, caretAtEndOfLine, clearEditor, dataRow, editorText, openApp, run, status, typeLines } from './driver.ts';

const stepEditor = (page: Page) => page.getByTestId('editor-javascript');
const jsonEditor = (page: Page) => page.getByRole('region', { name: 'Editor' }).getByTestId('editor-json');

test('a whole step typed into the step editor keeps its spaces and runs', async ({ page }) => {
  await openApp(page);
  await clearEditor(page, stepEditor(page));
  await typeLines(page, [
    '// Step 1: typed by hand',
    'export const condition = { order: { status: "new" } };',
    'export const content = async () => {',
    "data.order.note = 'typed with spaces';",
    'data.order.status = "processing";',
    '',
  ]);
  // Tab indents, Ctrl+Z takes back the last word, Backspace the rest of the slip.
  await page.keyboard.press('Tab');
  await page.keyboard.type('// oops');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect
    .poll(() => editorText(stepEditor(page)))
    .toBe(
      [
        '// Step 1: typed by hand',
        'export const condition = { order: { status: "new" } };',
        'export const content = async () => {',
        "  data.order.note = 'typed with spaces';",
        '  data.order.status = "processing";',
        '    ',
        '}',
      ].join('\n'),
    );
  await expect(badge(page, 0)).toHaveText(/Matches/);
  await run(page);
  await expect(status(page)).toHaveText('done');
  await expect(dataRow(page, 'order.note')).toContainText('"typed with spaces"');
});

test('task data typed as JSON, over several lines, is the data the steps match', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Task data' }).click();
  // JSON's indentation and bracket rules load with its colouring, after the editor appears; a
  // person sees the colours before typing, so the test waits for them too.
  await expect
    .poll(() =>
      jsonEditor(page)
        .locator('.view-lines span span')
        .evaluateAll((spans) => new Set(spans.map((s) => s.className)).size),
    )
    .toBeGreaterThan(1);
  await clearEditor(page, jsonEditor(page));
  await page.keyboard.type('{');
  await page.keyboard.press('Enter');
  // Every brace typed here closes on its own line, so the text is the same whether or not Monaco
  // auto-closed it (it does not always after ": ", depending on how far its colouring has got);
  // the last "}" is the one Monaco added for the first "{".
  await typeLines(page, [
    '"order": { "id": "B 7", "status": "new", "items": [{ "sku": "S-1", "quantity": 1 }], "customer": { "email": "ada@example.com" } },',
    '"note": "hello, world!"',
  ]);
  await expect
    .poll(() => editorText(jsonEditor(page)))
    .toBe(
      [
        '{',
        '  "order": { "id": "B 7", "status": "new", "items": [{ "sku": "S-1", "quantity": 1 }], "customer": { "email": "ada@example.com" } },',
        '  "note": "hello, world!"',
        '}',
      ].join('\n'),
    );
  await expect(page.getByTestId('json-error')).toHaveCount(0);
  await expect(badge(page, 0)).toHaveText(/Matches/);
  await run(page);
  await expect(status(page)).toHaveText('done');
  await expect(dataRow(page, 'note')).toContainText('"hello, world!"');
  await expect(dataRow(page, 'order.id')).toContainText('"B 7"');
});

test('a connector mock typed into Connectors answers a call typed into the step', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Connectors' }).click();
  await clearEditor(page, jsonEditor(page));
  await page.keyboard.type('{ "mail": { "send": { "responses": [{ "returns": { "sent": "yes, once" } }] } } }');
  await expect.poll(() => editorText(jsonEditor(page))).toBe('{ "mail": { "send": { "responses": [{ "returns": { "sent": "yes, once" } }] } } }');
  await expect(page.getByTestId('json-error')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Step', exact: true }).click();
  await caretAtEndOfLine(page, 8);
  await page.keyboard.press('Enter');
  await page.keyboard.type('const reply = await connectors.mail.send({ to: "ada" });');
  await page.keyboard.press('Enter');
  await page.keyboard.type('data.order.mail = reply.sent;');
  await expect
    .poll(() => editorText(stepEditor(page)))
    .toContain('  const reply = await connectors.mail.send({ to: "ada" });\n  data.order.mail = reply.sent;');
  await expect(badge(page, 0)).toHaveText(/Matches/);
  await run(page);
  await expect(status(page)).toHaveText('done');
  await expect(dataRow(page, 'order.mail')).toContainText('"yes, once"');
});

test('a config value typed into Config reaches task.config', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Config' }).click();
  await clearEditor(page, jsonEditor(page));
  await page.keyboard.type('{ "greeting": "good morning" }');
  await expect.poll(() => editorText(jsonEditor(page))).toBe('{ "greeting": "good morning" }');
  await page.getByRole('tab', { name: 'Step', exact: true }).click();
  await caretAtEndOfLine(page, 8);
  await page.keyboard.press('Enter');
  await page.keyboard.type('data.order.greeting = task.config("greeting");');
  await expect.poll(() => editorText(stepEditor(page))).toContain('  data.order.greeting = task.config("greeting");');
  await run(page);
  await expect(status(page)).toHaveText('done');
  await expect(dataRow(page, 'order.greeting')).toContainText('"good morning"');
});

test('data typed into the Edit-data dialog while paused is what the run continues with', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Breakpoint before Validate order' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText('paused');
  await page.getByRole('button', { name: 'Edit data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task data' });
  const editor = dialog.getByTestId('editor-json');
  await clearEditor(page, editor);
  await page.keyboard.type('{ "order": { "status": "processing", "items": [], "customer": { "email": "no one" } } }');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('}');
  await expect.poll(() => editorText(editor)).toBe('{ "order": { "status": "processing", "items": [], "customer": { "email": "no one" } } }');
  await dialog.getByRole('button', { name: 'Apply edit' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(status(page)).toHaveText('incomplete');
  await expect(dataRow(page, 'order.status')).toContainText('"invalid"');
  await expect(dataRow(page, 'order.customer.email')).toContainText('"no one"');
});
