// `npx tsx bench/exploreBudget.ts [--cli]` (after `vite build`, with `vite preview` on :4173, or
// BASE_URL): explores 1,000 variants of every shipped example in the app, in Chromium, and prints
// per example the seconds the variants took (the app's own readout), the longest main-thread
// task while exploring, and how often the progress readout changed. With --cli it also runs
// 100,000 variants of one example through `steplab explore --workers 2`. Asserts nothing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const root = new URL('../', import.meta.url).pathname;
const examples = readdirSync(`${root}examples`).filter((f) => f.endsWith('.json'));

const WATCH = `window.longTasks_ = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks_.push(e.duration); }).observe({ type: 'longtask' });
window.progress_ = []; new MutationObserver(() => { const s = document.querySelector('.explore-view .filters [role=status]'); const t = s && s.textContent; if (t && t !== window.lastProgress_) { window.lastProgress_ = t; window.progress_.push(performance.now()); } }).observe(document, { subtree: true, childList: true, characterData: true });`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.addInitScript(WATCH);
await page.goto(BASE);
await page.getByTestId('node-0').waitFor({ timeout: 60_000 });
console.log('example               variants   seconds  longest task  progress/s');
for (const file of examples) {
  const ws = JSON.parse(readFileSync(`${root}examples/${file}`, 'utf8')) as { name: string };
  await page.getByTestId('open-file').setInputFiles({ name: file, mimeType: 'application/json', buffer: readFileSync(`${root}examples/${file}`) });
  await page
    .getByLabel('Workspace name')
    .and(page.locator(`[value="${ws.name}"]`))
    .waitFor();
  await page.getByRole('tab', { name: 'Explore', exact: true }).click();
  // Let the opened workspace settle (checks, layout, editor) so its work is not counted.
  await page.waitForTimeout(2000);
  await page.evaluate('window.longTasks_ = []; window.progress_ = [];');
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
  const done = page.getByRole('status').filter({ hasText: /Ran [\d,]+ variants in/ });
  await done.waitFor({ timeout: 300_000 });
  const text = await done.innerText();
  const seconds = Number(/in ([\d.]+) s/.exec(text)?.[1]);
  const [longest, stamps] = (await page.evaluate('[Math.max(0, ...window.longTasks_), window.progress_]')) as [number, number[]];
  const rate = stamps.length > 1 ? (stamps.length - 1) / ((stamps[stamps.length - 1] - stamps[0]) / 1000) : 0;
  console.log(
    `${file.replace('.json', '').padEnd(20)}  ${'1,000'.padStart(8)}  ${seconds.toFixed(2).padStart(8)}  ${`${Math.round(longest)} ms`.padStart(12)}  ${rate.toFixed(1).padStart(10)}`,
  );
}
await browser.close();

if (process.argv.includes('--cli')) {
  const t0 = Date.now();
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'explore', 'examples/branching.json', '--runs', '100000', '--workers', '2'],
    { cwd: root, encoding: 'utf8' },
  );
  console.log(`\ncli: 100,000 variants of branching with 2 workers: ${out.split('\n')[0]} (whole command ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
