// steplab CLI: `run`, `test` and `explore` (see parseArgs.ts for the options).
// Exit codes: 0 the run finished (test: every expectation passed), 1 the root task ended in error
// (test: an expectation failed), 2 bad input. The run itself
// happens in a sandboxed child process (see sandbox/); whatever it does, this process prints one
// result and exits 0 or 1, or one line on stderr and 2.
import type { RunResult } from '../engine/types.ts';
import { formatRun } from './formatRun.ts';
import { loadInput } from './loadInput.ts';
import { basename } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { exploreCommand, formatExplore } from './exploreCommand.ts';
import { parseArgs, USAGE } from './parseArgs.ts';
import { testCommand } from './testCommand.ts';
import { InputError } from './readInput.ts';
import { failedResult, runSandboxed } from './sandbox/runSandboxed.ts';

async function main(): Promise<{ out: string; code: number }> {
  // `npm run cli` starts in the package folder; paths the user typed are relative to where they were.
  const typedIn = process.env.npm_lifecycle_event === 'cli' ? process.env.INIT_CWD : undefined;
  if (typedIn) process.chdir(typedIn);
  if (process.argv[2] === '--help' || process.argv[2] === 'help') return { out: `${USAGE}\n`, code: 0 };
  const args = parseArgs(process.argv.slice(2));
  const workspace = await loadInput(args.path);
  if (args.command === 'test') {
    const name = basename(args.path).replace(/\.(steplab\.)?json$/, '') || 'workspace';
    const report = await testCommand(workspace, { reporter: args.reporter, coverage: args.coverage, name });
    if (report.coverage) await writeFile('coverage.json', `${JSON.stringify(report.coverage, null, 2)}\n`);
    if (args.output === undefined) return { out: report.text, code: report.code };
    await writeFile(args.output, report.text);
    return { out: '', code: report.code };
  }
  if (args.command === 'explore') {
    const { report, exploredMs, totalMs } = await exploreCommand(workspace, args);
    return { out: args.json ? `${JSON.stringify(report)}\n` : formatExplore(report, { exploredMs, totalMs }, args.workers), code: 0 };
  }
  if (args.task !== undefined && !workspace.tasks.some((t) => t.name === args.task)) {
    const names = workspace.tasks.map((t) => JSON.stringify(t.name));
    const list = names.length > 20 ? `${names.slice(0, 20).join(', ')} and ${names.length - 20} more` : names.join(', ');
    throw new InputError(`${args.path}: no task named ${JSON.stringify(args.task)}; the tasks are ${list}`);
  }
  const result = await runSandboxed(workspace, { taskName: args.task, seed: args.seed });
  const stepNames = workspace.steps.map((s) => s.name);
  try {
    return { out: render(result, args.json, stepNames), code: result.status === 'error' ? 1 : 0 };
  } catch (error) {
    // A trace the child damaged must still end in one result, not a crash.
    const failed = failedResult(`the run's result could not be printed: ${String((error as Error)?.message ?? error)}`, []);
    return { out: render(failed, args.json, stepNames), code: 1 };
  }
}

function render(result: RunResult, json: boolean, stepNames: string[]): string {
  if (!json) return formatRun(result, stepNames);
  const { events, ...rest } = result;
  return `${JSON.stringify({ ...rest, events })}\n`;
}

/** One line: control characters (a newline in a file name, say) are escaped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));

/** Exits only once everything written has drained, so a pipe receives the whole document. */
function finish(stream: NodeJS.WriteStream, text: string, code: number): void {
  process.exitCode = code;
  stream.write(text, () => process.exit(code));
}

main().then(
  ({ out, code }) => finish(process.stdout, out, code),
  (error: unknown) => {
    // Not an input error means a fault of the CLI itself; it still ends in one line and exit 2.
    const message = error instanceof InputError ? error.message : `internal error: ${String((error as Error)?.message ?? error)}`;
    finish(process.stderr, `steplab: ${oneLine(message)}\n`, 2);
  },
);
