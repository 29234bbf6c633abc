// `steplab test`: runs every task of a workspace in the sandbox, checks each against its
// expectation, and reports (pretty, json or JUnit XML), optionally with condition coverage.
import { emptyCoverage, mergeCoverage, type Coverage } from '../engine/coverage.ts';
import { checkExpectation } from '../engine/expectation.ts';
import type { Workspace } from '../engine/types.ts';
import { formatCoverage } from './formatCoverage.ts';
import { runSandboxed } from './sandbox/runSandboxed.ts';
import type { Reporter } from './parseArgs.ts';
import { renderTests, type CliTestCase } from './renderTests.ts';

export interface TestReport {
  text: string;
  code: number;
  coverage: Coverage | null;
}

export async function testCommand(workspace: Workspace, options: { reporter: Reporter; coverage: boolean; name: string }): Promise<TestReport> {
  const coverage = options.coverage ? emptyCoverage(workspace.steps) : null;
  const cases: CliTestCase[] = [];
  for (const task of workspace.tasks) {
    const started = Date.now();
    const result = await runSandboxed(workspace, { taskName: task.name, onCoverage: coverage ? (c) => mergeCoverage(coverage, c) : undefined });
    const verdict = task.expect ? checkExpectation(task.expect, result) : null;
    cases.push({
      name: task.name,
      ms: Date.now() - started,
      pass: verdict ? verdict.pass : null,
      failures: verdict?.failures ?? [],
      status: result.status,
      error: result.error,
    });
  }
  const failed = cases.some((c) => c.pass === false);
  let text = renderTests(cases, options.reporter, options.name);
  if (coverage && options.reporter === 'pretty') text += `\n${formatCoverage(coverage)}`;
  return { text, code: failed ? 1 : 0, coverage };
}
