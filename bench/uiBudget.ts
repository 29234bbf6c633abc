// `npx tsx bench/uiBudget.ts` (after `vite build`, with `vite preview` on :4173, or BASE_URL):
// drives the production build in Chromium with the checked-in scale fixtures (tests/fixtures)
// and prints the figures issue 9 sets targets for. Asserts nothing.
//   200 steps on one field: open + layout < 2 s; pan, zoom and scrub >= 30 fps; a 5,000-step
//   run completes and scrubs.  1,000 steps: open < 5 s; no main-thread task > 200 ms while idle.
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const fixture = (name: string) => readFileSync(new URL(`../tests/fixtures/${name}`, import.meta.url));
const ms = (n: number) => `${Math.round(n)} ms`;

// Strings, not functions: tsx would wrap a function with helpers the page does not have.
const WATCH_LONG_TASKS = `window.longTasks_ = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks_.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;
const START_FRAMES = `window.frames_ = []; window.counting_ = true; (function tick(t) { window.frames_.push(t); if (window.counting_) requestAnimationFrame(tick); })(performance.now())`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function freshPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('crash', () => console.log('!! the tab crashed'));
  await page.addInitScript(WATCH_LONG_TASKS);
  await page.goto(BASE);
  await page.locator('.react-flow[data-layout="final"] .react-flow__node-step').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  return page;
}

/** Waits for the final (dagre) layout; says so when it never comes (the steps could not be checked). */
async function laidOut(page: Page, steps: number): Promise<string> {
  await page.locator(`.react-flow[data-node-count="${steps}"] .react-flow__node-step`).first().waitFor({ timeout: 60_000 });
  const final = page.locator(`.react-flow[data-layout="final"][data-node-count="${steps}"] .react-flow__node-step`).first();
  const failed = page.getByText('Steps could not be checked');
  await Promise.race([final.waitFor({ timeout: 60_000 }), failed.first().waitFor({ timeout: 60_000 })]).catch(() => undefined);
  if (await final.isVisible()) return 'laid out';
  return `NOT laid out (${(await failed.count()) ? (await failed.first().innerText()).slice(0, 160) : 'no final layout within 60 s'})`;
}

/** File ▸ Open with a fixture: ms until the graph shows its final layout. */
async function openFixture(page: Page, name: string, steps: number): Promise<[number, string]> {
  const t0 = Date.now();
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/json', buffer: fixture(name) });
  const how = await laidOut(page, steps);
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return [Date.now() - t0, how];
}

/** Frames per second (and the worst frame) while `act` runs. */
async function fps(page: Page, act: () => Promise<void>): Promise<string> {
  await page.evaluate(START_FRAMES);
  await act();
  const frames = (await page.evaluate('window.counting_ = false, window.frames_')) as number[];
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  const sorted = [...gaps].sort((a, b) => a - b);
  return `${(gaps.length / seconds).toFixed(1)} fps, p95 frame ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms, worst ${Math.max(...gaps).toFixed(1)} ms`;
}

async function dragSlider(page: Page, moves = 120): Promise<void> {
  const box = (await page.getByTestId('slider').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i <= moves; i++) {
    await page.mouse.move(box.x + 2 + ((box.width - 4) * i) / moves, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

async function pan(page: Page): Promise<void> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i <= 60; i++) {
    await page.mouse.move(x + Math.sin(i / 6) * 150, y - i * 4);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

async function zoom(page: Page): Promise<void> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, i < 30 ? -60 : 60);
    await page.waitForTimeout(16);
  }
}

async function runToEnd(page: Page): Promise<number> {
  const readout = page.getByRole('status').filter({ has: page.getByTestId('run-status') });
  const before = (await readout.count()) ? await readout.getAttribute('data-run') : '0';
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator(`[data-phase="ended"]:not([data-run="${before}"])`).waitFor({ timeout: 180_000 });
  return Date.now() - t0;
}

const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();

/** Long main-thread tasks that started after `since` (performance.now() time). */
async function longTasksSince(page: Page, since: number): Promise<number[]> {
  const tasks = (await page.evaluate('window.longTasks_')) as [number, number][];
  return tasks.filter(([start]) => start >= since).map(([, duration]) => duration);
}

// --- 200 steps on one field ---
{
  const page = await freshPage();
  const [openMs, how] = await openFixture(page, 'one-field-200.steplab.json', 200);
  console.log(`200 steps on one field: opened from a file, ${how}, in ${ms(openMs)} (target < 2 s); ${await edgeCount(page)} edge elements rendered`);
  console.log(`  pan: ${await fps(page, () => pan(page))}`);
  console.log(`  zoom: ${await fps(page, () => zoom(page))}`);
  const runMs = await runToEnd(page);
  console.log(`  Run (200 step runs) to the end shown: ${ms(runMs)}`);
  console.log(`  scrub 200 positions: ${await fps(page, () => dragSlider(page))}; cursor ${await page.getByTestId('cursor-position').innerText()}`);
  await page.getByLabel('Task', { exact: true }).selectOption({ label: '25 laps' });
  const longMs = await runToEnd(page);
  console.log(
    `  5,000-step run (25 laps): Run to the end shown in ${ms(longMs)}; ${await page
      .getByRole('status')
      .filter({ has: page.getByTestId('run-status') })
      .innerText()}`,
  );
  console.log(`  scrub 5,000 positions: ${await fps(page, () => dragSlider(page))}; cursor ${await page.getByTestId('cursor-position').innerText()}`);
  await page.close();
}

// --- 1,000 steps ---
{
  const page = await freshPage();
  const [openMs, how] = await openFixture(page, 'one-field-1000.steplab.json', 1000);
  console.log(`1,000 steps: opened from a file, ${how}, in ${ms(openMs)} (target < 5 s); ${await edgeCount(page)} edge elements rendered`);
  await page.waitForTimeout(1000);
  const since = (await page.evaluate('performance.now()')) as number;
  await page.waitForTimeout(5000);
  const idle = await longTasksSince(page, since);
  console.log(`  idle 5 s after opening: ${idle.length} long tasks, longest ${ms(Math.max(0, ...idle))} (target: none over 200 ms)`);
  const t0 = Date.now();
  await page.reload();
  const how2 = await laidOut(page, 1000);
  console.log(`  reload with it saved: ${how2} in ${ms(Date.now() - t0)}`);
  await page.waitForTimeout(1000);
  const since2 = (await page.evaluate('performance.now()')) as number;
  await page.waitForTimeout(5000);
  const idle2 = await longTasksSince(page, since2);
  console.log(`  idle 5 s after the reload: ${idle2.length} long tasks, longest ${ms(Math.max(0, ...idle2))}`);
  await page.close();
}

// --- a task whose data is a 5,000-row document ---
{
  const page = await freshPage();
  const [openMs, how] = await openFixture(page, 'rows-5000.steplab.json', 3);
  console.log(`5,000-row document: opened, ${how}, in ${ms(openMs)}; Run to the end shown in ${ms(await runToEnd(page))}`);
  console.log(`  scrub: ${await fps(page, () => dragSlider(page, 30))}`);
  await page.close();
}

await browser.close();
