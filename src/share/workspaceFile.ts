// Workspace files (.steplab.json): the workspace document itself, versioned by its `version` field.
import { parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';

export function workspaceToFile(workspace: Workspace): string {
  return `${JSON.stringify(workspace, null, 2)}\n`;
}

/** Reads a workspace file's text; the error names the file and what is wrong with it. */
export function workspaceFromFile(text: string, fileName: string): Workspace {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName} is not valid JSON (${(error as Error).message}); your workspace was not changed.`, { cause: error });
  }
  return workspaceFromParsed(parsed, fileName);
}

/** Validates a parsed workspace file; the error names the file and what is wrong with it. */
export function workspaceFromParsed(parsed: unknown, fileName: string): Workspace {
  try {
    return parseWorkspace(parsed);
  } catch (error) {
    throw new Error(`${fileName} is not a Steplab workspace: ${(error as Error).message}. Your workspace was not changed.`, { cause: error });
  }
}

export const fileNameFor = (workspace: Workspace) =>
  `${
    workspace.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'workspace'
  }.steplab.json`;
