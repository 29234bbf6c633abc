// ALOMA step folders as ZIP files (fflate), and reading a set of loose files into a workspace.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Workspace } from '../engine/types.ts';
import { InputLimitError, LIMITS } from './inputLimits.ts';
import { workspaceFromFolder, workspaceToFolder } from './stepFolder.ts';

/** Zips the folder form under one directory named after the workspace. */
export function workspaceToZip(workspace: Workspace): Uint8Array {
  const dir = folderName(workspace);
  const files = Object.fromEntries(Object.entries(workspaceToFolder(workspace)).map(([name, text]) => [`${dir}/${name}`, strToU8(text)]));
  return zipSync(files, { level: 6, mtime: new Date('2025-01-01T00:00:00Z') });
}

/**
 * Reads a ZIP of step files (at its root or inside one folder), within LIMITS: entry count and
 * inflated size are checked from the ZIP's directory before anything is inflated, and fflate
 * inflates into a buffer of exactly the declared size, so a lying header cannot grow past it.
 */
export function workspaceFromZip(bytes: Uint8Array, zipName: string): Workspace {
  let entries = 0;
  let inflated = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(entry) {
        if (++entries > LIMITS.zipEntries) throw new InputLimitError(`${zipName} holds more than ${LIMITS.zipEntries.toLocaleString('en-US')} files`);
        if (entry.name.endsWith('/') || entry.name.includes('__MACOSX') || !/\.(js|json)$/.test(entry.name)) return false;
        inflated += entry.originalSize;
        if (inflated > LIMITS.zipInflatedBytes) throw new InputLimitError(`${zipName} unpacks to more than ${LIMITS.zipInflatedBytes / (1024 * 1024)} MB`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof InputLimitError) throw error;
    throw new Error(`${zipName} is not a readable ZIP file (${(error as Error).message})`, { cause: error });
  }
  const texts: Record<string, string> = {};
  for (const [path, data] of Object.entries(files)) texts[path.split('/').pop()!] = strFromU8(data);
  return workspaceFromFolder(texts, zipName.replace(/\.zip$/i, ''));
}

export function folderName(workspace: Workspace): string {
  return (
    workspace.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'workspace'
  );
}
