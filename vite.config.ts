import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
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

/** Serves and emits /sandbox.html, and adds the strict CSP to the built page. */
function steplabSandbox(): Plugin {
  return {
    name: 'steplab-sandbox',
    configureServer(server) {
      server.middlewares.use('/sandbox.html', (_req, res) => {
        res.setHeader('Content-Type', 'text/html');
        res.end(sandboxPage());
      });
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
