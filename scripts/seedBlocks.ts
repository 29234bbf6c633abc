// Reads the seed page's code blocks by section, so examples hold the seed's steps exactly as written.
import { readFileSync } from 'node:fs';
import { splitSteps, type SplitStep } from '../src/engine/splitSteps.ts';

const SEED = new URL('./seed-patterns.md', import.meta.url);

/** The first ```javascript block under `#### <heading>`. */
export function seedBlock(heading: string): string {
  const text = readFileSync(SEED, 'utf8');
  const at = text.indexOf(`#### ${heading}\n`);
  if (at < 0) throw new Error(`seed has no section "${heading}"`);
  const open = text.indexOf('```javascript\n', at);
  const close = text.indexOf('\n```', open + 14);
  return text.slice(open + 14, close + 1);
}

/** The seed section's steps, split the way a paste into the playground splits them. */
export function seedSteps(heading: string): SplitStep[] {
  return splitSteps(seedBlock(heading));
}
