// The browser half of the escape suite: step code that attacks the page through the engine's
// port, tampers with its own realm, and reaches for the network; pages of other sites that
// frame the sandbox and the app. Nothing may reach the page, the network or a later workspace.
import { expect, test, type Page } from '@playwright/test';
import { dataRow, openApp, openExample, openWorkspaceFile, run, status } from './driver.ts';
import { savedWorkspaceText } from './saved.ts';

const APP = 'http://127.0.0.1:4173';

/** Top-level code runs as soon as the steps are checked for their badges, before any Run. */
const attack = `const original = MessagePort.prototype.postMessage;
const forged = new Set();
const forge = (port) => {
  if (forged.has(port)) return;
  forged.add(port);
  const send = (message) => original.call(port, message);
  send({ id: 'pwn-1', type: 'SET', path: ['__proto__', 'steplabPwned'], value: { type: 'RAW', value: 'yes' } });
  send({ id: 'pwn-2', type: 'SET', path: ['toJSON'], value: { type: 'RAW', value: 'x' } });
  send({ id: 'pwn-3', type: 'APPLY', path: ['constructor', 'constructor'], argumentList: [{ type: 'RAW', value: 'document.body.dataset.pwned = 1' }] });
  const port2 = new MessageChannel().port2;
  send({ id: 'pwn-4', type: 'HANDLER', name: 'proxy', value: port2 });
  send({ steplab: 'progress', slice: null, events: [{ seq: 0, t: 0, task: 't0', kind: 'step-finished', step: 0, run: 1, redo: false, inverse: [],
    patches: [{ op: 'add', path: ['__proto__', 'steplabPwned'], value: 'yes' }] }] });
  send({ steplab: 'progress', slice: null, events: [{ kind: 'task-ended', seq: 'x' }] });
  // The same forgeries in the wire format beats travel in (events as JSON text), and text that is not JSON.
  send({ steplab: 'progress', slice: null, seq: 0, events: '{"seq":0,"t":0,"task":"t0","kind":"step-finished","step":0,"run":1,"redo":false,"inverse":[],"patches":[{"op":"add","path":["__proto__","steplabPwned"],"value":"yes"}]}' });
  send({ steplab: 'progress', slice: null, seq: 0, events: '{"kind":"task-ended","seq":"x"}' });
  send({ steplab: 'progress', slice: null, seq: 0, events: '1]; document.body.dataset.pwned = 1; [' });
};
MessagePort.prototype.postMessage = function (...args) {
  const result = original.apply(this, args);
  forge(this);
  return result;
};
Object.prototype.tampered = 'yes';
JSON.stringify = () => '{"tampered":true}';
Array.prototype.push = function () { return 0; };
Error.prepareStackTrace = (error, frames) => frames.map((f) => String(f.getThis && f.getThis()));
`;

const probe = `export const condition = { probe: true };

export const content = async () => {
  const results = {};
  const attempt = async (name, fn) => {
    try {
      const value = await fn();
      results[name] = value === undefined ? 'nothing' : 'reached: ' + String(value).slice(0, 40);
    } catch (error) {
      results[name] = 'blocked';
    }
  };
  await attempt('functionCtor', () => this.constructor.constructor('return process')().pid);
  await attempt('dataCtor', () => data.constructor.constructor('return document')().cookie);
  await attempt('globalProcess', () => globalThis.process.pid);
  await attempt('require', () => require('fs'));
  await attempt('module', () => module.exports);
  await attempt('sendBeacon', () => navigator.sendBeacon('${APP}/steplab-escape-beacon', 'x') || Promise.reject(new Error('refused')));
  await attempt('fetch', () => fetch('${APP}/steplab-escape-fetch'));
  await attempt('importScripts', () => importScripts('${APP}/steplab-escape-import.js'));
  await attempt('parentWindow', () => parent.postMessage({ steplab: 'ready' }, '*'));
  data.results = results;
};
`;

const workspace = {
  version: 1,
  name: 'Escape probe',
  steps: [{ name: 'Escape', source: attack + probe, enabled: true }],
  tasks: [{ name: 'Probe', data: { probe: true } }],
  connectors: {},
};

const pagePolluted = (page: Page) =>
  page.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    return [probe.steplabPwned, probe.toJSON, probe.tampered, document.body.dataset.pwned].filter((v) => v !== undefined);
  });

test('step code that forges engine messages and tampers with its realm reaches neither the page nor the next workspace', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (request) => request.url().includes('steplab-escape') && requests.push(request.url()));
  await openApp(page);
  await openWorkspaceFile(page, workspace, 'probe.steplab.json');
  // Opening alone runs the top-level code (the badges are checked): the page must be untouched.
  await expect(page.locator('[data-step-index="0"] .badge')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await pagePolluted(page)).toEqual([]);

  await run(page);
  expect(await pagePolluted(page)).toEqual([]);
  // Either the step ran in its own realm, or the page stopped the run as tampered: both are told.
  await expect(page.getByTestId('run-error')).toContainText('tampered');
  // The person's work is still saved as it is (autosave was not turned into "{}").
  await page.waitForTimeout(600);
  const saved = await savedWorkspaceText(page);
  expect(saved).toContain('Escape probe');

  // The next workspace gets a fresh realm: no tampered JSON, push or prototypes.
  await openExample(page, 'Sequential processing');
  await run(page);
  await expect(status(page)).toHaveText('done');
  await expect(dataRow(page, 'order.status')).toContainText('"complete"');
  await expect(page.locator('[data-testid="data-panel"] [data-path="tampered"]')).toHaveCount(0);
  expect(await pagePolluted(page)).toEqual([]);
  expect(requests).toEqual([]);
});

test('each escape attempt from step code ends in an error the step sees, with no request sent', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (request) => request.url().includes('steplab-escape') && requests.push(request.url()));
  await openApp(page);
  // Without the port attack, so the step runs to the end and reports each attempt.
  await openWorkspaceFile(page, { ...workspace, steps: [{ name: 'Escape', source: probe, enabled: true }] }, 'probe.steplab.json');
  await run(page);
  for (const name of ['functionCtor', 'dataCtor', 'globalProcess', 'require', 'module', 'sendBeacon', 'fetch', 'importScripts', 'parentWindow']) {
    await expect(dataRow(page, `results.${name}`), name).toContainText('"blocked"');
  }
  expect(requests).toEqual([]);
  expect(await pagePolluted(page)).toEqual([]);
});

/** A page of another site that frames the sandbox (with and without `sandbox`) and the app. */
const EVIL = `<!doctype html><body>
<iframe id="raw" src="${APP}/sandbox.html"></iframe>
<iframe id="sandboxed" sandbox="allow-scripts" src="${APP}/sandbox.html"></iframe>
<iframe id="app" src="${APP}/"></iframe>
<script>window.heard = []; addEventListener('message', (e) => window.heard.push(String(e.data && e.data.steplab)));</script>
</body>`;

for (const host of ['with the frame-ancestors header', 'on a static host without it']) {
  test(`another site cannot frame the sandbox or the editor (${host})`, async ({ page }) => {
    await page.route('http://evil.test/**', (route) => route.fulfill({ contentType: 'text/html', body: EVIL }));
    if (host.startsWith('on a static host')) {
      await page.route(`${APP}/**`, async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      });
    }
    await page.goto('http://evil.test/');
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    const appFrame = page.frames().find((f) => f.url() === `${APP}/`);
    if (appFrame) {
      await expect(appFrame.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
      if (host.startsWith('on a static host')) await expect(appFrame.getByText("Steplab can't run inside another site")).toBeVisible();
    }
  });
}

test('the sandbox page refuses to start when the app frames it without the sandbox attribute', async ({ page }) => {
  await openApp(page);
  const heard = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const got: string[] = [];
        const frame = document.createElement('iframe');
        addEventListener('message', (e) => e.source === frame.contentWindow && got.push(String(e.data?.steplab)));
        frame.src = '/sandbox.html';
        document.body.append(frame);
        setTimeout(() => resolve(got), 1500);
      }),
  );
  expect(heard).toEqual([]);
});
