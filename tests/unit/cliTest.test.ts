// `steplab test` and `steplab explore` through the real CLI, in its sandbox children.
import { readFileSync, rmSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cli, root, scratch, workspace } from './cliHarness.ts';

describe('cli test', () => {
  it('reports every task as a JUnit test case that parses, and exits 1 when one fails', async () => {
    const dir = scratch('test');
    const ws = workspace([['Mark', '{ go: 1 }', 'data.done = true;']], { go: 1 });
    ws.tasks = [
      { name: 'marks it', data: { go: 1 }, expect: { status: 'incomplete', data: { done: true }, ran: ['Mark'] } } as never,
      { name: 'wrong <guess> & "quotes"', data: { go: 2 }, expect: { status: 'incomplete', data: { done: true } } } as never,
      { name: 'unchecked', data: {} },
    ];
    const out = dir.write('ws.json', ws);
    const { code, stdout } = await cli('test', out, '--reporter', 'junit');
    expect(code).toBe(1);
    const suites = parseJunit(stdout);
    expect([suites.tests, suites.failures]).toEqual(['3', '1']);
    const cases = suites.testsuite.testcase;
    expect(cases.map((c) => c.name)).toEqual(['marks it', 'wrong <guess> & "quotes"', 'unchecked']);
    expect(cases[0].failure).toBeUndefined();
    expect(cases[1].failure?.message).toBe('done: expected true, got absent');
    expect(cases[2].skipped).toBeDefined();
  });

  it('passes every shipped example with --coverage, and writes coverage.json', async () => {
    const dir = scratch('cov');
    const { code, stdout } = await cli('test', `${root}examples/sequential.json`, '--coverage', '--output', `${dir.dir}/report.txt`);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const report = readFileSync(`${dir.dir}/report.txt`, 'utf8');
    expect(report).toMatch(/^PASS {2}New order/m);
    expect(report).toContain('2 passed, 0 failed');
    const coverage = JSON.parse(readFileSync(`${root}coverage.json`, 'utf8'));
    rmSync(`${root}coverage.json`);
    expect(coverage.runs).toBe(2);
    expect(coverage.steps.map((s: { name: string }) => s.name)).toContain('Validate order');
  });

  it('exits 2 with the task and field named for a bad expectation', async () => {
    const dir = scratch('badexp');
    const ws = workspace([['Mark', '{ go: 1 }', '']]);
    (ws.tasks[0] as { expect?: unknown }).expect = { status: 'finished' };
    const { code, stderr } = await cli('test', dir.write('ws.json', ws));
    expect(code).toBe(2);
    expect(stderr).toMatch(/tasks\[0\] \("T"\)\.expect: status: expected one of "done"/);
  });
});

describe('cli explore', () => {
  it('gives identical classes for one seed, and finds the branching example crashing without an order', async () => {
    const args = ['explore', `${root}examples/branching.json`, '--runs', '300', '--seed', '5', '--json'];
    const [first, second] = [await cli(...args), await cli(...args, '--workers', '2')];
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout);
    expect(report.runs).toBe(300);
    const crash = report.classes.find((c: { status: string; error: string | null }) => c.status === 'error' && /reading 'total'/.test(c.error ?? ''));
    expect(crash).toBeDefined();
    expect(crash.minimal.customer).toEqual({ tier: 'enterprise', verified: true });
    expect(crash.why).toContain('‘Enterprise customer workflow’ failed');
  });

  it('records a variant whose step runs forever as its own class, and goes on', async () => {
    const dir = scratch('hang');
    const ws = workspace(
      [
        ['Spin', '{ n: { $gt: 5 } }', 'while (true) {}'],
        ['Fine', '{ n: { $lte: 5 } }', 'data.ok = true;'],
      ],
      { n: 1 },
      { limits: { stepTimeoutMs: 300 } },
    );
    const { code, stdout } = await cli('explore', dir.write('ws.json', ws), '--runs', '40', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.runs).toBe(40);
    const hung = report.classes.find((c: { error: string | null }) => c.error === 'Spin: execution timeout');
    expect(hung).toBeDefined();
    expect(hung.example.n).toBeGreaterThan(5);
    expect(report.classes.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(40);
  });
});

/** The report as CI tools read it: it must validate as XML, then its suites and cases. */
function parseJunit(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(text);
  return doc.testsuites as { tests: string; failures: string; testsuite: { testcase: { name: string; failure?: { message: string }; skipped?: unknown }[] } };
}
