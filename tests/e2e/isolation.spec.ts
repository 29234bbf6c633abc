import { expect, test } from '@playwright/test';
import { dataRow, openApp, openWorkspaceFile, run, status } from './driver.ts';
import { savedWorkspaceText } from './saved.ts';

const probe = `export const condition = { probe: true };

export const content = async () => {
  const results = {};
  const attempt = async (name, fn) => {
    try {
      await fn();
      results[name] = 'allowed';
    } catch (error) {
      results[name] = 'blocked';
    }
  };
  const origin = 'http://127.0.0.1:4173';
  await attempt('fetch', () => fetch(origin + '/index.html'));
  await attempt('xhr', () => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', origin + '/index.html');
    xhr.onload = resolve;
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send();
  }));
  await attempt('websocket', () => new Promise((resolve, reject) => {
    const socket = new WebSocket('ws://127.0.0.1:4173/');
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('socket error'));
  }));
  await attempt('importScripts', () => importScripts(origin + '/favicon.svg'));
  await attempt('localStorage', () => localStorage.getItem('steplab.workspace.v1'));
  await attempt('indexedDB', () => new Promise((resolve, reject) => {
    const request = indexedDB.open('steplab-probe');
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  }));
  await attempt('cookies', () => document.cookie);
  await attempt('dom', () => window.document.body.append('pwned'));
  await attempt('parent', () => parent.postMessage('x', '*'));
  try {
    await connectors.net.probe({});
    results.mockFetch = 'allowed';
  } catch (error) {
    results.mockFetch = error.message.startsWith('blocked') ? 'blocked' : 'unexpected: ' + error.message;
  }
  data.results = results;
};
`;

const workspace = {
  version: 1,
  name: 'Isolation probe',
  steps: [{ name: 'Probe', source: probe, enabled: true }],
  tasks: [{ name: 'Probe', data: { probe: true } }],
  connectors: {
    net: {
      probe: {
        source:
          "export default async () => { try { await fetch('http://127.0.0.1:4173/'); } catch (e) { throw new Error('blocked: ' + e.message); } return 'allowed'; };",
      },
    },
  },
};

test('step code and mock code cannot reach the network, the app storage or its DOM', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    document.cookie = 'steplab-secret=1';
  });
  await openWorkspaceFile(page, workspace, 'probe.steplab.json');
  await run(page);
  await expect(status(page)).toHaveText('incomplete');
  for (const name of ['fetch', 'xhr', 'websocket', 'importScripts', 'localStorage', 'indexedDB', 'cookies', 'dom', 'parent', 'mockFetch']) {
    await expect(dataRow(page, `results.${name}`), name).toContainText('"blocked"');
  }
  const appended = await page.evaluate(() => [...document.body.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes('pwned')));
  expect(appended).toBe(false);
  await expect.poll(() => savedWorkspaceText(page)).toContain('Isolation probe');
  // Used engines are removed: only the two warm spares stay.
  await expect.poll(() => page.locator('iframe[sandbox="allow-scripts"]').count()).toBeLessThanOrEqual(2);
});

test('the page itself runs under a strict policy with no eval', async ({ page }) => {
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  // Injected inline script (the way an XSS would arrive) does not run, and the browser reports why.
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(`blocked by ${e.violatedDirective}`), { once: true });
        const script = document.createElement('script');
        script.textContent = 'document.body.dataset.injected = "ran"';
        document.body.append(script);
        setTimeout(() => resolve(document.body.dataset.injected ?? 'nothing'), 500);
      }),
  );
  expect(outcome).toMatch(/^blocked by script-src/);
});
