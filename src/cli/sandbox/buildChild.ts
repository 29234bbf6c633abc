// Builds the sandbox child's program in memory. The child can read no files and start no
// process, so tsx (which spawns esbuild and reads sources) cannot run there: instead the parent
// bundles the engine into one script, inlines it into the child's host code, and pipes the
// result to `node -` on the child's stdin. Nothing is written to disk. The built CLI
// (scripts/buildCli.ts) carries the program in STEPLAB_CHILD_PROGRAM and needs no esbuild.
import { fileURLToPath } from 'node:url';

declare const STEPLAB_CHILD_PROGRAM: string | undefined;

const here = fileURLToPath(new URL('.', import.meta.url));

async function bundle(entry: string, options: { format: 'cjs' | 'esm'; platform: 'neutral' | 'node'; define?: Record<string, string> }): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [`${here}${entry}`],
    bundle: true,
    write: false,
    format: options.format,
    platform: options.platform,
    target: 'node20',
    mainFields: ['module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"', ...options.define },
    logLevel: 'silent',
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

let cached: Promise<string> | null = null;

/** The child's ESM program: its host side (childHost.ts) with the engine bundle inlined. */
export function childProgram(): Promise<string> {
  if (typeof STEPLAB_CHILD_PROGRAM === 'string') return Promise.resolve(STEPLAB_CHILD_PROGRAM);
  cached ??= (async () => {
    const engine = await bundle('engineEntry.ts', { format: 'cjs', platform: 'neutral' });
    return bundle('childHost.ts', { format: 'esm', platform: 'node', define: { STEPLAB_ENGINE_BUNDLE: JSON.stringify(engine) } });
  })();
  return cached;
}
