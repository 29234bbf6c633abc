// Bounds on what one run may record: console output (capped, with a count of what was dropped) and data nesting.
import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_BYTES } from '../../src/engine/limits.ts';
import { run, step, workspace } from './helpers.ts';

describe('output cap', () => {
  it('keeps the run going past the cap and reports the dropped entries once, at the end', async () => {
    const chatty = step('{ go: true }', "for (let i = 0; i < 120000; i++) console.log('line ' + i + ' of a chatty step with some padding');\ndata.go = false;");
    const result = await run(workspace([chatty], { go: true }, { limits: { stepTimeoutMs: 60000 } }));
    expect(result.status).toBe('incomplete');
    const kept = result.logs.filter((l) => l.level === 'log');
    expect(kept.length).toBeGreaterThan(10_000);
    expect(kept.reduce((sum, l) => sum + l.text.length + 64, 0)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    const warnings = result.logs.filter((l) => l.level === 'warn').map((l) => l.text);
    expect(warnings[0]).toMatch(/^output limit reached/);
    expect(warnings[1]).toMatch(new RegExp(`^${(120000 - kept.length).toLocaleString('en-US')} log and visualize entries \\([\\d,]+ bytes\\) were dropped`));
    expect(result.events.at(-1)?.kind).toBe('task-ended');
  });
});

describe('nesting cap', () => {
  for (const depth of [1_500, 100_000]) {
    it(`a step that stores data nested ${depth} levels deep fails with the path, not a stack overflow`, async () => {
      const deep = step('{ go: true }', `let o = {};\nfor (let i = 0; i < ${depth}; i++) o = { a: o };\ndata.deep = o;\ndata.go = false;`);
      const result = await run(workspace([deep], { go: true }));
      expect(result.status).toBe('error');
      expect(result.error?.message).toMatch(/^data\.deep\.a\.a.*….*a is nested more than 1000 levels deep; task data may nest at most 1000 levels$/);
    });
  }
});
