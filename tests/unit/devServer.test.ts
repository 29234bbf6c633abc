// `npm run dev` runs step code in the same sandbox as the build: the engine worker is served as
// one classic script the sandbox frame can start from a blob: URL, and pages carry the same
// frame-ancestors rule as `vite preview`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';

let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'silent',
    server: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('dev server sandbox', () => {
  it('serves the engine worker as one classic script, with no imports to fetch', async () => {
    const response = await fetch(`${base}/@steplab/engine-worker.js`);
    expect(response.status).toBe(200);
    const code = await response.text();
    expect(code).toContain('steplabPort');
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    // It parses as a classic script.
    expect(() => new Function(code)).not.toThrow();
  }, 60_000);

  it('serves the sandbox page with its strict policy, framable only by the app', async () => {
    const response = await fetch(`${base}/sandbox.html`);
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    const html = await response.text();
    expect(html).toContain("connect-src 'none'");
    expect(html).toContain("self.origin === 'null'");
  });

  it('lets only embeds be framed by other sites', async () => {
    expect((await fetch(`${base}/`)).headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect((await fetch(`${base}/?embed`)).headers.get('content-security-policy')).toBe('frame-ancestors *');
  });
});
