// The ALOMA step-folder form of a workspace: one `<name>.js` per step plus tasks.json,
// connectors.json and config.json (docs/semantics.md section 1).
import { parseConnectors, parseTasks, parseWorkspace } from '../engine/workspace.ts';
import type { Workspace } from '../engine/types.ts';
import { checkDepth } from './inputLimits.ts';

const NAME_COMMENT = /^\/\/ step: (.+)\r?\n/;

/** Builds a workspace from a folder's files (relative name → text). Steps are ordered by file name. */
export function workspaceFromFolder(files: Record<string, string>, folderName: string): Workspace {
  const stepFiles = Object.keys(files)
    .filter((name) => name.endsWith('.js') && !name.includes('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const json = (name: string) => {
    if (files[name] === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(files[name]);
    } catch (error) {
      throw new Error(`${name} is not valid JSON: ${(error as Error).message}`);
    }
    checkDepth(value, name);
    return value;
  };
  const tasks = json('tasks.json');
  const connectors = json('connectors.json');
  const workspace = parseWorkspace({
    name: folderName,
    steps: stepFiles.map((file) => {
      const text = files[file];
      const named = NAME_COMMENT.exec(text);
      return named ? { name: named[1].trim(), source: text.slice(named[0].length) } : { name: file.replace(/\.js$/, ''), source: text };
    }),
    tasks: tasks === undefined ? undefined : parseTasks(tasks),
    connectors: connectors === undefined ? {} : parseConnectors(connectors),
    config: json('config.json') ?? {},
  });
  if (stepFiles.length === 0) throw new Error(`${folderName} holds no .js step files`);
  return workspace;
}

/** Writes a workspace as folder files; a `// step:` comment and a numeric prefix keep names and order. */
export function workspaceToFolder(workspace: Workspace): Record<string, string> {
  const width = String(workspace.steps.length).length;
  const files: Record<string, string> = {};
  workspace.steps.forEach((step, i) => {
    const slug = step.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'step';
    files[`${String(i + 1).padStart(Math.max(2, width), '0')}-${slug}.js`] = `// step: ${step.name}\n${step.source}`;
  });
  files['tasks.json'] = `${JSON.stringify(workspace.tasks, null, 2)}\n`;
  files['connectors.json'] = `${JSON.stringify(workspace.connectors, null, 2)}\n`;
  files['config.json'] = `${JSON.stringify(workspace.config, null, 2)}\n`;
  return files;
}
