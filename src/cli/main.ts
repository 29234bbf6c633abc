// steplab CLI: `run <workspace.json | folder> [--task <name>] [--seed <n>] [--json]`.
// Exit codes: 0 the run finished, 1 the root task ended in error, 2 bad input.
import { formatRun } from './formatRun.ts';
import { InputError, loadInput } from './loadInput.ts';
import { runSandboxed } from './sandbox/runSandboxed.ts';

const USAGE = 'usage: steplab run <workspace.json | folder> [--task <name>] [--seed <n>] [--json]';

function parseArgs(argv: string[]) {
  const [command, ...rest] = argv;
  if (command !== 'run') throw new InputError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  const options: { path?: string; task?: string; seed?: number; json: boolean } = { json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--task') options.task = rest[++i] ?? '';
    else if (arg === '--seed') {
      const seed = Number(rest[++i]);
      if (!Number.isInteger(seed)) throw new InputError(`--seed needs an integer, got "${rest[i] ?? ''}"`);
      options.seed = seed;
    } else if (arg.startsWith('--')) throw new InputError(`unknown option ${arg}\n${USAGE}`);
    else if (options.path) throw new InputError(`only one workspace can be run at a time\n${USAGE}`);
    else options.path = arg;
  }
  if (!options.path) throw new InputError(`missing the workspace file or folder\n${USAGE}`);
  if (options.task === '') throw new InputError('--task needs a task name');
  return options as typeof options & { path: string };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const workspace = loadInput(args.path);
  if (args.task && !workspace.tasks.some((t) => t.name === args.task)) {
    throw new InputError(`${args.path}: no task named "${args.task}"; tasks are ${workspace.tasks.map((t) => `"${t.name}"`).join(', ')}`);
  }
  const result = await runSandboxed(workspace, { taskName: args.task, seed: args.seed });
  if (args.json) {
    const { events, ...rest } = result;
    process.stdout.write(`${JSON.stringify({ ...rest, events })}\n`);
  } else {
    process.stdout.write(formatRun(result, workspace.steps.map((s) => s.name)));
  }
  return result.status === 'error' ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`steplab: ${error instanceof InputError ? error.message : `unexpected failure: ${(error as Error)?.message ?? String(error)}`}\n`);
    process.exit(error instanceof InputError ? 2 : 3);
  },
);
