import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getAt } from '../../src/engine/paths.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { EXAMPLES } from '../../scripts/exampleSpecs.ts';
import { serializeExample } from '../../scripts/buildExamples.ts';
import { seedBlock } from '../../scripts/seedBlocks.ts';
import { EXAMPLE_EXPECTATIONS } from '../exampleExpectations.ts';
import { runTaskTest } from '../../src/engine/taskTest.ts';
import { nodeHost, run } from './helpers.ts';

const examplesDir = new URL('../../examples/', import.meta.url);
const files = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
const load = (file: string) => parseWorkspace(JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')));

describe('examples', () => {
  it('ships one workspace per seed pattern, each with expectations for every task', () => {
    expect(files.sort()).toEqual(Object.keys(EXAMPLE_EXPECTATIONS).sort());
    for (const file of files)
      expect(
        load(file)
          .tasks.map((t) => t.name)
          .sort(),
      ).toEqual(Object.keys(EXAMPLE_EXPECTATIONS[file]).sort());
  });

  it('are up to date with scripts/exampleSpecs.ts (run `npm run examples`)', () => {
    for (const spec of EXAMPLES) expect(readFileSync(new URL(spec.file, examplesDir), 'utf8')).toBe(serializeExample(spec));
  });

  it('hold every runnable seed code block as written', () => {
    const sources = files.flatMap((f) => load(f).steps.map((s) => s.source)).join('\n');
    const sections = [
      'Sequential Processing',
      'Parallel Processing',
      'Conditional Branching',
      'Aggregation Pattern',
      'Retry and Recovery Pattern',
      'Dynamic Workflow Selection',
      'Progressive Data Enrichment',
      'Bulk Processing Pattern',
      'Error Recovery and Fallback',
      'Conditional Execution Control',
      'Throttling and Rate Limiting',
      'Data State Visualization',
      'Step Execution Tracking',
      'Handle Edge Cases',
    ];
    for (const section of sections) {
      for (const part of seedBlock(section).split(/\n\s*\n(?=\/\/ )/)) expect(sources).toContain(part.trim());
    }
  });

  it('carry an expectation on every task, and pass as tests', async () => {
    for (const file of files) {
      const ws = load(file);
      for (let i = 0; i < ws.tasks.length; i++) {
        expect([file, ws.tasks[i].name, ws.tasks[i].expect?.status]).toEqual([file, ws.tasks[i].name, EXAMPLE_EXPECTATIONS[file][ws.tasks[i].name].status]);
        const outcome = await runTaskTest(ws, i, nodeHost);
        expect([file, outcome.name, outcome.failures]).toEqual([file, outcome.name, []]);
        expect(outcome.pass).toBe(true);
      }
    }
  });

  for (const file of files) {
    for (const [task, expected] of Object.entries(EXAMPLE_EXPECTATIONS[file] ?? {})) {
      it(`${file} / ${task} ends ${expected.status}`, async () => {
        const ws = load(file);
        const result = await run(ws, { taskName: task });
        expect(result.invalid).toEqual([]);
        expect(result.status).toBe(expected.status);
        for (const [path, value] of Object.entries(expected.data ?? {})) {
          expect([path, getAt(result.data, path.split('.'))]).toEqual([path, value]);
        }
        if (expected.ran) expect(result.ran).toEqual(expected.ran);
      });
    }
  }
});
