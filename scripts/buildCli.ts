// `npm run cli:build`: the CLI as one Node script, `dist-cli/steplab.mjs`, with the sandbox
// child's program built in. `npm run cli` starts through tsx and bundles the child on every call
// (about 0.7 s before the run starts); the built script skips both. The CLI tests run it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { childProgram } from '../src/cli/sandbox/buildChild.ts';

export const CLI_BUNDLE = fileURLToPath(new URL('../dist-cli/steplab.mjs', import.meta.url));

/** Bundles src/cli/main.ts to `outfile`; npm packages stay imports, resolved from this checkout. */
export async function buildCli(outfile = CLI_BUNDLE): Promise<string> {
  await build({
    entryPoints: [fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))],
    bundle: true,
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { 'process.env.NODE_ENV': '"production"', STEPLAB_CHILD_PROGRAM: JSON.stringify(await childProgram()) },
    logLevel: 'warning',
    legalComments: 'none',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`built ${await buildCli()}`);
