// Console output is capped per run; the end of the run says how much was dropped.
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
