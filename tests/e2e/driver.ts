// A small driver so the browser tests read like what a person does.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export async function openApp(page: Page, errors: string[] = []): Promise<void> {
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('node-0')).toBeVisible();
}

/** Opens a workspace as a JSON file through Open…, and waits until its name shows. */
export async function openWorkspaceFile(page: Page, ws: { name: string; [key: string]: unknown }, file = 'workspace.steplab.json'): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ws)) });
  await expect(page.getByLabel('Workspace name')).toHaveValue(ws.name);
}

export const status = (page: Page) => page.getByTestId('run-status');

/** Presses Run and waits until that run (not the previous one) has ended. */
export async function run(page: Page): Promise<void> {
  const readout = page.getByRole('status').filter({ has: page.getByTestId('run-status') });
  const before = (await readout.count()) ? await readout.getAttribute('data-run') : '0';
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(readout).not.toHaveAttribute('data-run', before ?? '0');
  await expect(readout).toHaveAttribute('data-phase', 'ended');
}

export async function openExample(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).click();
  await expect(page.getByLabel('Workspace name')).toHaveValue(name);
}

/** The data panel's row for a dot path, e.g. `order.status`. */
export const dataRow = (page: Page, path: string) => page.locator(`[data-testid="data-panel"] [data-path="${path}"] > .row`);

export const badge = (page: Page, index: number) => page.locator(`[data-step-index="${index}"] .badge`);

/** Puts the editor caret at the end of a line (1-based) of the step code. */
export async function caretAtEndOfLine(page: Page, line: number): Promise<void> {
  const editor = page.getByTestId('editor-javascript');
  await expect(editor.locator('.view-lines')).toContainText('export');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

/** Double-clicks a word in the visible step code and types over it, as a person would. */
export async function replaceWordInEditor(page: Page, word: string, replacement: string): Promise<void> {
  const editor = page.getByTestId('editor-javascript');
  const span = editor.locator('.view-line span span', { hasText: new RegExp(`^"?${word}"?$`) }).first();
  const box = (await span.boundingBox())!;
  const text = (await span.textContent()) ?? word;
  const offset = text.startsWith('"') ? 1 : 0;
  await page.mouse.dblclick(box.x + (box.width * (offset + word.length / 2)) / text.length, box.y + box.height / 2);
  await page.keyboard.type(replacement);
}

/** The text an editor shows, as a person reads it (Monaco renders spaces as no-break spaces). */
export async function editorText(editor: Locator): Promise<string> {
  // Monaco reuses line elements, so their DOM order is not the line order: sort by position.
  const lines = await editor.locator('.view-lines .view-line').evaluateAll((els) =>
    els
      .map((el) => [parseFloat((el as HTMLElement).style.top), el.textContent ?? ''] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, text]) => text),
  );
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Clicks into an editor and selects everything, so what is typed next replaces it. */
export async function clearEditor(page: Page, editor: Locator): Promise<void> {
  await expect(editor.locator('.view-lines')).not.toBeEmpty();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
}

/** Types lines as a person would: each line, then Enter (the editor adds its own indentation). */
export async function typeLines(page: Page, lines: string[]): Promise<void> {
  for (const [i, line] of lines.entries()) {
    await page.keyboard.type(line);
    if (i < lines.length - 1) await page.keyboard.press('Enter');
  }
}

export async function expectNoOverflow(page: Page, what: string): Promise<void> {
  // Let a resize or a deferred render settle first.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `${what}: page is ${scroll} px wide in a ${inner} px window`).toBeLessThanOrEqual(inner);
}

const SIZES = [
  [1280, 720],
  [1440, 900],
] as const;

export async function expectFitsEverySize(page: Page, what: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await expectNoOverflow(page, `${what} at ${width}×${height}`);
  }
}

// The graph's SVG and PNG downloads (graphExport.spec.ts, and every example in examples.spec.ts).
export async function downloadGraph(page: Page, kind: 'SVG' | 'PNG'): Promise<Buffer> {
  const file = page.waitForEvent('download');
  await page.getByTestId('graph').getByRole('button', { name: kind, exact: true }).click();
  const done = await file;
  expect(done.suggestedFilename()).toMatch(new RegExp(`-graph\\.${kind.toLowerCase()}$`));
  return readFileSync(await done.path());
}

/** What the graph on screen shows, and what the downloaded SVG draws, counted the same way. */
async function compare(page: Page, svg: string) {
  return page.evaluate((text) => {
    const graph = document.querySelector('[data-testid="graph"] .react-flow')!;
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      shown: {
        nodes: graph.querySelectorAll('.react-flow__node').length,
        edges: graph.querySelectorAll('.react-flow__edge').length,
        labels: graph.querySelectorAll('.react-flow__edge-textwrapper, .react-flow__edgelabel-renderer .chip').length,
        names: [...graph.querySelectorAll('.step-node .name')].map((n) => n.textContent ?? ''),
        states: [...graph.querySelectorAll('.step-node')].map((n) => n.getAttribute('data-state')),
      },
      drawn: {
        nodes: root.querySelectorAll('g.node').length,
        edges: root.querySelectorAll('path.edge').length,
        labels: root.querySelectorAll('g.edge-label').length,
        names: [...root.querySelectorAll('g.node.step > title')].map((t) => (t.textContent ?? '').replace(/: [^:]*$/, '')),
        states: [...root.querySelectorAll('g.node.step')].map((g) => g.getAttribute('data-state')),
      },
      root: root.nodeName,
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      foreignObjects: root.getElementsByTagName('foreignObject').length,
      arrows: [...root.querySelectorAll('path.edge')].every((p) => /^url\(#arrow-/.test(p.getAttribute('marker-end') ?? '')),
      legend: root.querySelector('g.legend')?.textContent ?? '',
      width: Number(root.getAttribute('width')),
    };
  }, svg);
}

export async function checkSvg(page: Page, label: string): Promise<number> {
  const flow = page.getByTestId('graph').locator('.react-flow');
  await expect(flow).toHaveAttribute('data-layout', 'final');
  // The export draws the whole graph; the graph opens at a readable size, so show all of it first.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(flow.locator('.react-flow__node')).toHaveCount(Number(await flow.getAttribute('data-node-count')) + 2);
  const bytes = await downloadGraph(page, 'SVG');
  const result = await compare(page, bytes.toString('utf8'));
  expect(result.parseError, label).toBeNull();
  expect(result.root).toBe('svg');
  expect(result.foreignObjects, label).toBe(0);
  expect(result.drawn, label).toEqual(result.shown);
  expect(result.shown.nodes, label).toBeGreaterThan(2);
  expect(result.arrows, label).toBe(true);
  expect(result.legend, label).toContain('Steps');
  expect(bytes.length, label).toBeLessThan(200_000);
  return result.width;
}
