// The sandbox frame's HTML: its inline script and a CSP that allows exactly that script (by
// hash), eval for step code, blob: workers, and no network at all. Built by vite.config.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function sandboxPage(): string {
  const template = readFileSync(new URL('./sandbox.html', import.meta.url), 'utf8');
  const script = readFileSync(new URL('./sandboxScript.js', import.meta.url), 'utf8');
  const hash = createHash('sha256').update(script).digest('base64');
  return template.replace('SANDBOX_SCRIPT_HASH', hash).replace('SANDBOX_SCRIPT', () => script);
}
