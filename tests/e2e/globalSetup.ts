// Fails early, with what to do, when the browser or the build is missing.
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../../playwright.config.ts';

export default function globalSetup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install it with \`apt-get install chromium\` (or set CHROMIUM_PATH); browser tests cannot download one.`,
    );
  }
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build` first (npm test does this).');
}
