// The ALOMA step-folder form of a workspace: one `<name>.js` per step plus tasks.json,
// connectors.json and config.json, and a steplab.json manifest for what .js files can't hold
// (docs/semantics.md section 1). A folder without the manifest still opens.
import { parseConnectors, parseTasks, parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';
import { checkDepth } from './inputLimits.ts';
import { isPlainObject } from '../engine/plainValues.ts';

const NAME_COMMENT = /^\/\/ step: (.+)\r?\n/;
export const MANIFEST = 'steplab.json';

interface ManifestStep {
  file: string;
  name?: string;
  enabled?: boolean;
}

/** Builds a workspace from a folder's files (relative name → text). */
/**
 * `fileLines`: errors name each file's own lines (the CLI reads the files as they are); the
 * playground shows the source without the name comment, so it keeps the editor's lines.
 */
export function workspaceFromFolder(files: Record<string, string>, folderName: string, { fileLines = false } = {}): Workspace {
  const json = (name: string) => {
    if (files[name] === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(files[name]);
    } catch (error) {
      throw new Error(`${name} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    checkDepth(value, name);
    return value;
  };
  const manifest = json(MANIFEST);
  if (manifest !== undefined && !isPlainObject(manifest)) throw new Error(`${MANIFEST}: expected a JSON object`);
  const listed = manifestSteps(manifest?.steps);
  const stepFiles = orderSteps(files, listed);
  const tasks = json('tasks.json');
  const connectors = json('connectors.json');
  const byFile = new Map(listed.map((s) => [s.file, s]));
  const workspace = parseWorkspace({
    ...(manifest ?? {}),
    name: typeof manifest?.name === 'string' ? manifest.name : folderName,
    steps: stepFiles.map((file) => {
      const text = files[file];
      const named = NAME_COMMENT.exec(text);
      const entry = byFile.get(file);
      const enabled = entry?.enabled ?? true;
      // The comment wins over the manifest: it is what a person edits in the file. The source
      // then starts at the file's line 2 (firstLine).
      return named
        ? { name: named[1].trim(), source: text.slice(named[0].length), enabled, ...(fileLines ? { firstLine: 2 } : {}) }
        : { name: entry?.name ?? file.replace(/\.js$/, ''), source: text, enabled };
    }),
    tasks: tasks === undefined ? undefined : parseTasks(tasks),
    connectors: connectors === undefined ? {} : parseConnectors(connectors),
    config: json('config.json') ?? {},
  });
  if (stepFiles.length === 0) throw new Error(`${folderName} holds no .js step files`);
  return workspace;
}

function manifestSteps(value: unknown): ManifestStep[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${MANIFEST}: "steps" must be a list of { file, name, enabled }`);
  return value.map((s, i) => {
    if (!isPlainObject(s) || typeof s.file !== 'string') throw new Error(`${MANIFEST}: steps[${i}].file must be a file name`);
    if (s.enabled !== undefined && typeof s.enabled !== 'boolean') throw new Error(`${MANIFEST}: steps[${i}].enabled must be true or false`);
    return { file: s.file, name: typeof s.name === 'string' ? s.name : undefined, enabled: s.enabled as boolean | undefined };
  });
}

/** The manifest's order first; .js files it doesn't list follow in file-name order. */
function orderSteps(files: Record<string, string>, listed: ManifestStep[]): string[] {
  const all = Object.keys(files)
    .filter((name) => name.endsWith('.js') && !name.includes('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const present = new Set(all);
  const first = [...new Set(listed.map((s) => s.file))].filter((f) => present.has(f));
  const seen = new Set(first);
  return [...first, ...all.filter((f) => !seen.has(f))];
}

/** Writes a workspace as folder files; a `// step:` comment and a numeric prefix keep names and order. */
export function workspaceToFolder(workspace: Workspace): Record<string, string> {
  const width = String(workspace.steps.length).length;
  const files: Record<string, string> = {};
  const steps: ManifestStep[] = [];
  workspace.steps.forEach((step, i) => {
    const slug =
      step.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'step';
    const file = `${String(i + 1).padStart(Math.max(2, width), '0')}-${slug}.js`;
    files[file] = `// step: ${step.name}\n${step.source}`;
    steps.push({ file, name: step.name, enabled: step.enabled !== false });
  });
  files['tasks.json'] = `${JSON.stringify(workspace.tasks, null, 2)}\n`;
  files['connectors.json'] = `${JSON.stringify(workspace.connectors, null, 2)}\n`;
  files['config.json'] = `${JSON.stringify(workspace.config, null, 2)}\n`;
  const { name, description, seed, startTime, limits, lesson } = workspace;
  files[MANIFEST] = `${JSON.stringify({ version: 1, name, description, seed, startTime, limits, lesson, steps }, null, 2)}\n`;
  return files;
}
