// ALOMA step folders as ZIP files (fflate), and reading a set of loose files into a workspace.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Workspace } from '../engine/types.ts';
import { workspaceFromFolder, workspaceToFolder } from './stepFolder.ts';

/** Zips the folder form under one directory named after the workspace. */
export function workspaceToZip(workspace: Workspace): Uint8Array {
  const dir = folderName(workspace);
  const files = Object.fromEntries(Object.entries(workspaceToFolder(workspace)).map(([name, text]) => [`${dir}/${name}`, strToU8(text)]));
  return zipSync(files, { level: 6, mtime: new Date('2025-01-01T00:00:00Z') });
}

/** Reads a ZIP of step files (at its root or inside one folder). */
export function workspaceFromZip(bytes: Uint8Array, zipName: string): Workspace {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new Error(`${zipName} is not a readable ZIP file (${(error as Error).message})`);
  }
  const files: Record<string, string> = {};
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith('/') || path.includes('__MACOSX')) continue;
    const name = path.split('/').pop()!;
    if (name.endsWith('.js') || name.endsWith('.json')) files[name] = strFromU8(data);
  }
  return workspaceFromFolder(files, zipName.replace(/\.zip$/i, ''));
}

export function folderName(workspace: Workspace): string {
  return workspace.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workspace';
}
