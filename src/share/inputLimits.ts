// Bounds on everything a person opens: files, links and ZIPs come from strangers, and an
// unbounded decoder is a way to freeze or crash the tab. Each limit has a message that says
// what is too big and by how much.

import { MAX_JSON_DEPTH } from '../engine/jsonValue.ts';

export const LIMITS = {
  /** A workspace or trace file, and a ZIP file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** The workspace a share link unpacks to. */
  linkChars: 5 * 1024 * 1024,
  zipEntries: 2000,
  zipInflatedBytes: 50 * 1024 * 1024,
  /** Steps in one workspace: the editor, badges and graph stay usable up to here. */
  steps: 2000,
  /** Nesting of any JSON value (task data, connector mocks, config, trace events): the same bound step writes have. */
  depth: MAX_JSON_DEPTH,
} as const;

export class InputLimitError extends Error {
  name = 'InputLimitError';
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

export function checkFileSize(name: string, bytes: number): void {
  if (bytes > LIMITS.fileBytes) throw new InputLimitError(`${name} is ${mb(bytes)}; Steplab opens files of up to ${mb(LIMITS.fileBytes)}`);
}

interface Frame {
  node: unknown;
  depth: number;
  parent: Frame | null;
  key: string | number;
}

/** Walks a JSON value without recursion; throws with the path where nesting passes the limit. */
export function checkDepth(value: unknown, where: string): void {
  const stack: Frame[] = [{ node: value, depth: 0, parent: null, key: where }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, depth } = frame;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= LIMITS.depth) throw new InputLimitError(`${pathOf(frame)} is nested more than ${LIMITS.depth} levels deep`);
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, depth: depth + 1, parent: frame, key: i }));
    else for (const key of Object.keys(node)) stack.push({ node: (node as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key });
  }
}

/** The path of a frame, shortened in the middle when it is very long. */
function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f; f = f.parent) keys.push(f.key);
  keys.reverse();
  const parts = keys.map((k, i) => (i === 0 ? String(k) : typeof k === 'number' ? `[${k}]` : `.${k}`));
  return parts.length > 12 ? `${parts.slice(0, 6).join('')}…(${parts.length - 10} more)…${parts.slice(-4).join('')}` : parts.join('');
}

export function checkStepCount(count: number, name: string): void {
  if (count > LIMITS.steps) {
    throw new InputLimitError(`${name} has ${count.toLocaleString('en-US')} steps; a workspace holds at most ${LIMITS.steps.toLocaleString('en-US')}`);
  }
}
