// vitest globalSetup: builds the CLI once (scripts/buildCli.ts) for the CLI test files, which
// run it in child processes; cli.test.ts still runs one command through `tsx`, as `npm run cli` does.
import type { TestProject } from 'vitest/node';
import { buildCli } from '../../scripts/buildCli.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    cliBundle: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  project.provide('cliBundle', await buildCli());
}
