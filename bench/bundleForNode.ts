// A TypeScript entry bundled by esbuild into one Node script, for production; npm packages stay
// imports, resolved from this checkout. The bench runs its bundle, and scripts/buildCli.ts
// builds the CLI with it. (It lives in bench/ because `--against` copies bench/ into the
// other revision's worktree.)
import { build } from 'esbuild';

export async function bundleForNode(entry: string, outfile: string, define: Record<string, string> = {}): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    logLevel: 'silent',
    legalComments: 'none',
  });
}
