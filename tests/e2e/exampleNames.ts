// Example file → the name shown in the Examples menu, read from the files themselves.
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../../examples/', import.meta.url);
const names: Record<string, string> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { name: string }).name]),
);
export default names;
