// The CLI's command line: `run <workspace.json | folder> [--task <name>] [--seed <n>] [--json]`.
import { InputError } from './readInput.ts';

export const USAGE = 'usage: steplab run <workspace.json | folder> [--task <name>] [--seed <n>] [--json]';

export interface CliArgs {
  path: string;
  task?: string;
  seed?: number;
  json: boolean;
}

/** Every mistake is an InputError of one line that ends with the usage. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const usage = (problem: string) => new InputError(`${problem}; ${USAGE}`);
  const [command, ...rest] = argv;
  if (command === undefined) throw new InputError(USAGE);
  if (command !== 'run') throw usage(`unknown command ${JSON.stringify(command)}`);
  const args: Partial<CliArgs> & { json: boolean } = { json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined) throw usage(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json' && eq < 0) args.json = true;
    else if (flag === '--task') args.task = value();
    else if (flag === '--seed') args.seed = parseSeed(value());
    else if (arg.startsWith('-') && arg !== '-') throw usage(`unknown option ${JSON.stringify(arg)}`);
    else if (args.path !== undefined) throw usage('only one workspace can be run at a time');
    else args.path = arg;
  }
  if (args.path === undefined || args.path === '') throw usage('missing the workspace file or folder');
  if (args.task === '') throw usage('--task needs a task name');
  return args as CliArgs;
}

function parseSeed(text: string): number {
  const seed = /^-?\d{1,16}$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(seed)) {
    throw new InputError(`--seed needs a whole number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${JSON.stringify(text)}`);
  }
  return seed;
}
