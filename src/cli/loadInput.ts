// Reads the CLI's input: a workspace JSON file or a folder of ALOMA step files. Every fault
// becomes an InputError naming the file; nothing here may throw anything else.
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';
import { workspaceFromFolder } from '../share/stepFolder.ts';
import { fileError, InputError, MAX_INPUT_BYTES, readText, statInput } from './readInput.ts';

/** JSON nested deeper than this is refused before anything recursive walks it. */
export const MAX_DEPTH = 1000;
/** At most this many `.js`/`.json` files are read from a folder. */
export const MAX_FOLDER_FILES = 2000;

export async function loadInput(path: string): Promise<Workspace> {
  const info = await statInput(path);
  if (info.isDirectory()) return loadFolder(path);
  const text = await readText(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  checkDepth(parsed, path);
  try {
    return parseWorkspace(parsed);
  } catch (error) {
    throw new InputError(`${path}: not a Steplab workspace: ${(error as Error).message}`);
  }
}

async function loadFolder(path: string): Promise<Workspace> {
  let names: string[];
  try {
    names = (await readdir(path)).filter((name) => name.endsWith('.js') || name.endsWith('.json')).sort();
  } catch (error) {
    throw fileError(path, error);
  }
  if (names.length > MAX_FOLDER_FILES) throw new InputError(`${path}: ${names.length} .js/.json files, over the limit of ${MAX_FOLDER_FILES}`);
  const files: Record<string, string> = {};
  let budget = MAX_INPUT_BYTES;
  for (const name of names) {
    const file = join(path, name);
    let info;
    try {
      info = await stat(file);
    } catch (error) {
      throw fileError(file, error);
    }
    if (info.isDirectory()) throw new InputError(`${file}: a folder, not a ${name.endsWith('.js') ? 'step' : 'JSON'} file`);
    if (!info.isFile()) throw new InputError(`${file}: not a regular file`);
    if (info.size > budget) throw new InputError(`${file}: the folder's files add up to more than the ${MAX_INPUT_BYTES / 1024 / 1024} MB input limit`);
    budget -= info.size;
    files[name] = await readText(file, info.size + 1);
    if (name.endsWith('.json')) checkJsonDepth(files[name], file);
  }
  try {
    return workspaceFromFolder(files, basename(path), { fileLines: true });
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
}

function checkJsonDepth(text: string, where: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return; // workspaceFromFolder reports it with its own message
  }
  checkDepth(parsed, where);
}

interface Frame {
  value: unknown;
  depth: number;
  key: string;
  parent: Frame | null;
}

/** Refuses JSON nested deeper than MAX_DEPTH, naming where; iterative, so it cannot overflow. */
export function checkDepth(value: unknown, where: string): void {
  const stack: Frame[] = [{ value, depth: 0, key: '', parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (v === null || typeof v !== 'object') continue;
    if (frame.depth >= MAX_DEPTH) throw new InputError(`${where}: nested deeper than ${MAX_DEPTH} levels (at ${pathOf(frame)})`);
    for (const key of Object.keys(v)) stack.push({ value: (v as Record<string, unknown>)[key], depth: frame.depth + 1, key, parent: frame });
  }
}

function pathOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | null = frame; f && f.parent; f = f.parent) keys.push(f.key);
  keys.reverse();
  return keys.length > 8 ? `${keys.slice(0, 4).join('.')}.….${keys.slice(-2).join('.')}` : keys.join('.');
}
