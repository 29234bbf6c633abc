// Runs the real CLI, as built by scripts/buildCli.ts (see buildCliOnce.ts), in a child process for
// the CLI test files, and makes scratch inputs.
import { execFile } from 'node:child_process';
import { inject } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built CLI script, run with `node`. */
export const cliScript = (): string => inject('cliBundle');

export function cli(...args: string[]): Promise<CliOutcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliScript(), ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `steplab-${prefix}-`));
  return {
    dir,
    write(name: string, content: unknown): string {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
      return path;
    },
  };
}

export const stepSource = (condition: string, body: string) => `export const condition = ${condition};\nexport const content = async () => {\n${body}\n};\n`;

/** A one-task workspace whose steps are given as [name, condition, body]. */
export function workspace(steps: [string, string, string][], data: unknown = { go: 1 }, extra: Record<string, unknown> = {}) {
  return { steps: steps.map(([name, condition, body]) => ({ name, source: stepSource(condition, body) })), tasks: [{ name: 'T', data }], ...extra };
}
