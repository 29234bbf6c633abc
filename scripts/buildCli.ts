// `npm run cli:build`: the CLI as one Node script, `dist-cli/steplab.mjs`, with the sandbox
// child's program built in. `npm run cli` starts through tsx and bundles the child on every call
// (about 0.7 s before the run starts); the built script skips both. The CLI tests run it.
import { bundleForNode } from '../bench/bundleForNode.ts';
import { fileURLToPath } from 'node:url';
import { childProgram } from '../src/cli/sandbox/buildChild.ts';

export const CLI_BUNDLE = fileURLToPath(new URL('../dist-cli/steplab.mjs', import.meta.url));

/** Bundles src/cli/main.ts to `outfile`; npm packages stay imports, resolved from this checkout. */
export async function buildCli(outfile = CLI_BUNDLE): Promise<string> {
  await bundleForNode(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)), outfile, { STEPLAB_CHILD_PROGRAM: JSON.stringify(await childProgram()) });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`built ${await buildCli()}`);
