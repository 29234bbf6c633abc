// Starts the sandbox child: Node's permission model with no file, child-process or worker
// rights, no code generation from strings, a bounded heap and no environment beyond locale.
import { spawn, type ChildProcess } from 'node:child_process';

/** The child's heap budget; past it the run ends with "memory limit". */
export const CHILD_HEAP_MB = 2048;

export function childFlags(version = process.version): string[] {
  const major = Number(/^v(\d+)/.exec(version)?.[1] ?? 0);
  return [
    // Node 20 and 21 call it experimental; from 22 on it is `--permission`. Granting nothing means
    // no fs read or write, no child processes, no worker threads, no native addons.
    major >= 22 ? '--permission' : '--experimental-permission',
    '--disallow-code-generation-from-strings',
    // Lets vm honour importModuleDynamically, so import() fails with our message.
    '--experimental-vm-modules',
    `--max-old-space-size=${CHILD_HEAP_MB}`,
    '--no-warnings',
    '--input-type=module',
    '-',
  ];
}

export function spawnChild(program: string): ChildProcess {
  const child = spawn(process.execPath, childFlags(), {
    stdio: ['pipe', 'ignore', 'pipe', 'ipc'],
    // Only what shapes Date and Intl output, so runs read as before; no secrets, no NODE_OPTIONS.
    env: Object.fromEntries(['TZ', 'LANG', 'LC_ALL'].flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : []))),
    // The child never needs a working folder; `/` keeps relative paths meaningless.
    cwd: '/',
    serialization: 'json',
  });
  child.stdin!.on('error', () => {});
  child.stdin!.end(program);
  return child;
}
