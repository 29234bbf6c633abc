// `npx tsx bench/uiBudget.ts` (after `vite build`, with `vite preview` on :4173): opens a
// generated 200-step workspace in Chromium, times open-and-layout, runs it, then drags the
// replay slider end to end while counting animation frames. Prints figures; asserts nothing.
import { chromium } from 'playwright-core';

const N = Number(process.env.STEPS ?? 200);
const steps = Array.from({ length: N }, (_, k) => ({
  name: `Step ${k + 1}`,
  source: `export const condition = { chain: { s${k}: true } };\n\nexport const content = async () => {\n  data.chain.s${k + 1} = true;\n  data.progress = ${k + 1};\n};\n`,
  enabled: true,
}));
const workspace = { version: 1, name: `${N} steps`, steps, tasks: [{ name: 'Chain', data: { chain: { s0: true }, progress: 0 } }], connectors: {}, config: {}, seed: 1, startTime: '2025-01-01T00:00:00.000Z', limits: { maxSteps: 10000, stepTimeoutMs: 2000, maxSubtasks: 1000, maxDataBytes: 1048576 } };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const coldStart = Date.now();
await page.addInitScript((ws) => localStorage.setItem('steplab.workspace.v1', ws), JSON.stringify(workspace));
await page.goto('http://127.0.0.1:4173/');
await page.locator(`.react-flow[data-layout="final"][data-node-count="${N}"] .react-flow__node-step`).first().waitFor();
console.log(`cold page load with ${N} steps, laid out: ${Date.now() - coldStart} ms`);
// Warm: the app is running; open the same workspace from a file, as a person would.
await page.getByRole('button', { name: 'Examples ▾' }).click();
await page.getByRole('menuitem', { name: /^Sequential/ }).click();
await page.locator('.react-flow[data-layout="final"][data-node-count="3"]').waitFor();
await page.waitForTimeout(1500);
const t0 = Date.now();
await page.getByTestId('open-file').setInputFiles({ name: 'big.steplab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace)) });
await page.locator('.react-flow__node-step').first().waitFor();
const nodesMs = Date.now() - t0;
await page.locator(`.react-flow[data-layout="final"][data-node-count="${N}"] .react-flow__node-step`).first().waitFor();
const openMs = Date.now() - t0;
const nav = (await page.evaluate('JSON.stringify(performance.getEntriesByType("navigation")[0])')) as string;
const { domContentLoadedEventEnd } = JSON.parse(nav) as { domContentLoadedEventEnd: number };
console.log(`page loaded (DOMContentLoaded) at ${domContentLoadedEventEnd.toFixed(0)} ms; first nodes on screen at ${nodesMs} ms`);
await page.getByRole('button', { name: '▶ Run' }).click();
await page.locator('[data-phase="ended"]').waitFor();
const slider = page.getByTestId('slider');
const box = (await slider.boundingBox())!;
// A string, not a function: tsx would wrap a function with helpers the page does not have.
await page.evaluate('window.frames_ = []; (function tick(t) { window.frames_.push(t); requestAnimationFrame(tick); })(performance.now())');
await page.mouse.move(box.x + 2, box.y + box.height / 2);
await page.mouse.down();
for (let i = 0; i <= 120; i++) {
  await page.mouse.move(box.x + 2 + ((box.width - 4) * i) / 120, box.y + box.height / 2);
  await page.waitForTimeout(16);
}
await page.mouse.up();
const frames = (await page.evaluate('window.frames_')) as number[];
const gaps = frames.slice(1).map((t, i) => t - frames[i]);
const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
const worst = Math.max(...gaps);
const sorted = [...gaps].sort((a, b) => a - b);
console.log(`${N} steps: opened from a file and laid out in ${openMs} ms`);
console.log(`scrubbing ${N} positions: ${(gaps.length / seconds).toFixed(1)} fps average, p95 frame ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms, worst ${worst.toFixed(1)} ms`);
console.log(`cursor ended at: ${await page.getByTestId('cursor-position').innerText()}`);
await browser.close();

// A long run: 5,000 step runs of one redo loop, from pressing Run to the page showing the end.
{
  const loop = { version: 1, name: 'Long loop', steps: [{ name: 'Loop', enabled: true, source: 'export const condition = { n: { $lt: 5000 } };\nexport const content = async () => { data.n++; step.redo(); };\n' }], tasks: [{ name: 'Loop', data: { n: 0 } }] };
  const browser2 = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const long = await browser2.newPage({ viewport: { width: 1440, height: 900 } });
  await long.addInitScript((w) => localStorage.setItem('steplab.workspace.v1', w), JSON.stringify(loop));
  await long.goto('http://127.0.0.1:4173/');
  await long.locator('[data-step-index="0"] .badge[data-badge="matches"]').waitFor();
  const started = Date.now();
  await long.getByRole('button', { name: '▶ Run' }).click();
  await long.locator('[data-phase="ended"]').waitFor({ timeout: 120_000 });
  console.log(`5,000 step runs in the browser: Run to the end shown in ${Date.now() - started} ms`);
  await browser2.close();
}
