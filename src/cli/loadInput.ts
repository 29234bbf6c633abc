// Reads the CLI's input: a workspace JSON file or a folder of ALOMA step files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';
import { workspaceFromFolder } from '../share/stepFolder.ts';

/** Bad input: the message names the file and the problem, and the CLI exits with 2. */
export class InputError extends Error {
  name = 'InputError';
}

export function loadInput(path: string): Workspace {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (isFolder) {
    const files: Record<string, string> = {};
    for (const name of readdirSync(path)) {
      if (name.endsWith('.js') || name.endsWith('.json')) files[name] = readFileSync(`${path}/${name}`, 'utf8');
    }
    try {
      return workspaceFromFolder(files, basename(path));
    } catch (error) {
      throw new InputError(`${path}: ${(error as Error).message}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseWorkspace(parsed);
  } catch (error) {
    throw new InputError(`${path}: not a Steplab workspace: ${(error as Error).message}`);
  }
}
