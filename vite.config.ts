import react from '@vitejs/plugin-react';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { build, defineConfig, type Plugin } from 'vite';
import { sandboxPage } from './src/worker/sandboxPage.ts';

/** The page's own policy: no eval and no inline script outside the sandbox frame. */
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * Only the app itself may frame its pages (no clickjacking, no foreign host for the sandbox);
 * `?embed` pages are meant to be framed by documentation sites. A meta tag cannot carry
 * `frame-ancestors`, so this is a header; static hosts need the same (see the README).
 */
function frameAncestors(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const embed = url.searchParams.has('embed') && !url.pathname.endsWith('sandbox.html');
  res.setHeader('Content-Security-Policy', `frame-ancestors ${embed ? '*' : "'self'"}`);
  next();
}

/** The engine worker as one classic script, so the dev server can start it in the sandbox too. */
let devWorker: Promise<string> | null = null;
function bundleDevWorker(): Promise<string> {
  devWorker ??= build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      lib: { entry: 'src/worker/engine.worker.ts', formats: ['iife'], name: 'steplabEngine', fileName: () => 'engine-worker.js' },
    },
  }).then((output) => {
    const chunk = (Array.isArray(output) ? output[0] : output) as { output: { type: string; code?: string }[] };
    return chunk.output.find((o) => o.type === 'chunk')?.code ?? '';
  });
  devWorker.catch(() => (devWorker = null));
  return devWorker;
}

/** Serves and emits /sandbox.html, and adds the strict CSP to the built page. */
function steplabSandbox(): Plugin {
  return {
    name: 'steplab-sandbox',
    configureServer(server) {
      server.middlewares.use(frameAncestors);
      server.middlewares.use('/sandbox.html', (_req, res) => {
        res.setHeader('Content-Type', 'text/html');
        res.end(sandboxPage());
      });
      server.middlewares.use('/@steplab/engine-worker.js', (_req, res) => {
        bundleDevWorker().then(
          (code) => {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(code);
          },
          (error: Error) => {
            res.statusCode = 500;
            res.end(String(error.message));
          },
        );
      });
      server.watcher.on('change', (file) => {
        if (/src[\\/](engine|worker)[\\/]/.test(file)) devWorker = null;
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(frameAncestors);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'sandbox.html', source: sandboxPage() });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html; // the dev server injects inline scripts for hot reload
        return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${APP_CSP}" />`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), steplabSandbox()],
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
