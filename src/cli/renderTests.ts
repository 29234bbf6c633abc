// The three test reports: a readable list, a JSON document, and JUnit XML (one test case per
// task, the form Jenkins, GitLab and GitHub test reporters read).
import type { ExpectationFailure } from '../engine/expectation.ts';
import type { RunResult, TaskStatus } from '../engine/types.ts';
import type { Reporter } from './parseArgs.ts';

export interface CliTestCase {
  name: string;
  ms: number;
  /** Null: the task has no expectation, so nothing was checked. */
  pass: boolean | null;
  failures: ExpectationFailure[];
  status: TaskStatus;
  error: RunResult['error'];
}

const failureLine = (f: ExpectationFailure) => `${f.path}: expected ${f.expected}, got ${f.actual}`;

export function renderTests(cases: CliTestCase[], reporter: Reporter, suite: string): string {
  const passed = cases.filter((c) => c.pass === true).length;
  const failed = cases.filter((c) => c.pass === false).length;
  const unchecked = cases.length - passed - failed;
  if (reporter === 'json') return `${JSON.stringify({ passed, failed, unchecked, tests: cases })}\n`;
  if (reporter === 'junit') return junit(cases, suite, failed, unchecked);
  const lines = cases.map((c) => {
    const mark = c.pass === true ? 'PASS' : c.pass === false ? 'FAIL' : 'NONE';
    const head = `${mark}  ${c.name}  (${c.status}, ${c.ms} ms)${c.pass === null ? '  no expectation' : ''}`;
    return [head, ...c.failures.map((f) => `      ${failureLine(f)}`)].join('\n');
  });
  lines.push(`\n${passed} passed, ${failed} failed${unchecked ? `, ${unchecked} without an expectation` : ''}`);
  return `${lines.join('\n')}\n`;
}

const xml = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry at all
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function junit(cases: CliTestCase[], suite: string, failed: number, skipped: number): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = cases.reduce((sum, c) => sum + c.ms, 0);
  const body = cases.map((c) => {
    const open = `    <testcase classname="${xml(suite)}" name="${xml(c.name)}" time="${seconds(c.ms)}"`;
    if (c.pass === true) return `${open}/>`;
    if (c.pass === null) return `${open}>\n      <skipped message="the task has no expectation"/>\n    </testcase>`;
    const message = c.failures.map(failureLine).join('; ');
    const detail = c.error ? `\n${c.error.step ? `${c.error.step}: ` : ''}${c.error.message}` : '';
    return `${open}>\n      <failure message="${xml(message)}" type="expectation">${xml(c.failures.map(failureLine).join('\n') + detail)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="steplab" tests="${cases.length}" failures="${failed}" skipped="${skipped}" time="${seconds(total)}">`,
    `  <testsuite name="${xml(suite)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}" time="${seconds(total)}">`,
    ...body,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
