// Test helpers: build small workspaces and run them with the real engine on Node's event loop.
import { createRun, type RunOptions } from '../../src/engine/createRun.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import type { JsonObject, RunResult, Workspace } from '../../src/engine/types.ts';

export const nodeHost = { yieldMacrotask: () => new Promise<void>((resolve) => setImmediate(resolve)) };

export type StepSpec = string | { name?: string; source: string; enabled?: boolean };

/** `steps` are sources (or specs); each gets a name `S1`, `S2`… unless one is given. */
export function workspace(steps: StepSpec[], data: JsonObject = {}, extra: Record<string, unknown> = {}): Workspace {
  return parseWorkspace({
    steps: steps.map((s, i) => (typeof s === 'string' ? { name: `S${i + 1}`, source: s } : { name: s.name ?? `S${i + 1}`, ...s })),
    tasks: [{ name: 'Task', data }],
    ...extra,
  });
}

/** A step from a condition and a content body. */
export const step = (condition: string, body: string) => `export const condition = ${condition};\nexport const content = async () => {\n${body}\n};\n`;

export async function run(ws: Workspace, options: Partial<RunOptions> = {}): Promise<RunResult> {
  return createRun(ws, { host: nodeHost, ...options }).runToEnd();
}

export async function runSteps(steps: StepSpec[], data: JsonObject = {}, extra: Record<string, unknown> = {}): Promise<RunResult> {
  return run(workspace(steps, data, extra));
}
