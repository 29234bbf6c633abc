// The CLI's command line:
//   run <workspace.json | folder> [--task <name>] [--seed <n>] [--json]
//   test <workspace.json | folder> [--reporter pretty|json|junit] [--output FILE] [--coverage]
//   explore <workspace.json | folder> [--runs N] [--seed S] [--workers K] [--json]
import { InputError } from './readInput.ts';

export const USAGE = [
  'usage: steplab run <workspace.json | folder> [--task <name>] [--seed <n>] [--json]',
  '       steplab test <workspace.json | folder> [--reporter pretty|json|junit] [--output FILE] [--coverage]',
  '       steplab explore <workspace.json | folder> [--runs N] [--seed S] [--workers K] [--json]',
].join('\n');

export type Reporter = 'pretty' | 'json' | 'junit';

export type CliArgs =
  | { command: 'run'; path: string; task?: string; seed?: number; json: boolean }
  | { command: 'test'; path: string; reporter: Reporter; output?: string; coverage: boolean }
  | { command: 'explore'; path: string; runs: number; seed: number; workers: number; json: boolean };

const FLAGS: Record<CliArgs['command'], { switches: string[]; values: string[] }> = {
  run: { switches: ['--json'], values: ['--task', '--seed'] },
  test: { switches: ['--coverage'], values: ['--reporter', '--output'] },
  explore: { switches: ['--json'], values: ['--runs', '--seed', '--workers'] },
};

/** Every mistake is an InputError of one line that ends with the usage. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const usage = (problem: string) => new InputError(`${problem}; ${USAGE.split('\n')[0]} (or test, explore: see --help)`);
  const [command, ...rest] = argv;
  if (command === undefined) throw new InputError(`${USAGE.split('\n')[0]} (commands: run, test, explore; see --help)`);
  if (command !== 'run' && command !== 'test' && command !== 'explore') throw usage(`unknown command ${JSON.stringify(command)}`);
  const { switches, values } = FLAGS[command];
  const given = new Map<string, string | true>();
  let path: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (switches.includes(flag) && eq < 0) given.set(flag, true);
    else if (values.includes(flag)) {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined) throw usage(`${flag} needs a value`);
      given.set(flag, v);
    } else if (arg.startsWith('-') && arg !== '-') throw usage(`unknown option ${JSON.stringify(arg)}`);
    else if (path !== undefined) throw usage(`only one workspace can be ${command === 'run' ? 'run' : command === 'test' ? 'tested' : 'explored'} at a time`);
    else path = arg;
  }
  if (path === undefined || path === '') throw usage('missing the workspace file or folder');
  const text = (flag: string) => given.get(flag) as string | undefined;
  if (command === 'run') {
    if (text('--task') === '') throw usage('--task needs a task name');
    const seed = text('--seed');
    return { command, path, task: text('--task'), seed: seed === undefined ? undefined : parseSeed(seed), json: given.has('--json') };
  }
  if (command === 'test') {
    const reporter = text('--reporter') ?? 'pretty';
    if (reporter !== 'pretty' && reporter !== 'json' && reporter !== 'junit')
      throw usage(`--reporter must be pretty, json or junit, not ${JSON.stringify(reporter)}`);
    if (text('--output') === '') throw usage('--output needs a file name');
    return { command, path, reporter, output: text('--output'), coverage: given.has('--coverage') };
  }
  const seed = text('--seed');
  return {
    command,
    path,
    runs: wholeNumber('--runs', text('--runs') ?? '1000', 1, 100_000),
    seed: seed === undefined ? 1 : parseSeed(seed),
    workers: wholeNumber('--workers', text('--workers') ?? '1', 1, 16),
    json: given.has('--json'),
  };
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = /^\d{1,7}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(`${flag} needs a whole number from ${min} to ${max.toLocaleString('en')}, got ${JSON.stringify(text)}`);
  return n;
}

function parseSeed(text: string): number {
  const seed = /^-?\d{1,16}$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(seed)) {
    throw new InputError(`--seed needs a whole number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${JSON.stringify(text)}`);
  }
  return seed;
}
