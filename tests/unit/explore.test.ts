import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conditionConstants } from '../../src/engine/explore/conditionConstants.ts';
import { exploreAll } from '../../src/engine/explore/exploreAll.ts';
import { emptyChunk, exploreRange, mergeChunk, variantSpaceOf } from '../../src/engine/explore/exploreRange.ts';
import { foldRan, maskMessage } from '../../src/engine/explore/outcomeClass.ts';
import { shrinkExample } from '../../src/engine/explore/shrinkExample.ts';
import { createVariantSpace } from '../../src/engine/explore/variantSpace.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { loadSteps } from '../../src/engine/createRun.ts';
import { getAt } from '../../src/engine/paths.ts';
import type { Json } from '../../src/engine/types.ts';
import { nodeHost, run, step } from './helpers.ts';

const example = (name: string) => parseWorkspace(JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')));

describe('explore', () => {
  it('reads every constant a condition compares with, with neighbours of numbers', () => {
    const found = conditionConstants(step('{ order: { total: { $gt: 100 }, tier: { $in: ["gold", "silver"] } }, "a.b": -2, ok: { $exists: true } }', ''));
    expect(found).toEqual([
      { path: ['order', 'total'], values: [100, 99, 101] },
      { path: ['order', 'tier'], values: ['gold', 'silver'] },
      { path: ['a', 'b'], values: [-2, -3, -1] },
    ]);
  });

  it('draws from the tasks, the conditions and edge cases, the same for the same seed', () => {
    const ws = example('branching');
    const a = createVariantSpace(ws, 7);
    const b = createVariantSpace(ws, 7);
    expect(a.variant(0)).toEqual(ws.tasks[0].data);
    const drawn = Array.from({ length: 200 }, (_, i) => a.variant(i + ws.tasks.length));
    expect(drawn).toEqual(Array.from({ length: 200 }, (_, i) => b.variant(i + ws.tasks.length)));
    const tiers = new Set(drawn.map((d) => String(JSON.stringify((d.customer as { tier?: unknown } | undefined)?.tier))));
    for (const seen of ['"premium"', '"standard"', '"enterprise"', '""', 'undefined', 'null']) expect(tiers).toContain(seen);
    expect(drawn.some((d) => !('order' in d))).toBe(true);
    const other = createVariantSpace(ws, 8);
    expect(Array.from({ length: 20 }, (_, i) => other.variant(i + 50))).not.toEqual(Array.from({ length: 20 }, (_, i) => a.variant(i + 50)));
  });

  it('gives the same classes however the runs are split, and shrinks a stuck example to a minimal document', async () => {
    const ws = example('branching');
    const whole = await exploreRange(ws, 3, 0, 120, nodeHost);
    const parts = emptyChunk(ws);
    for (const from of [80, 0, 40]) mergeChunk(parts, await exploreRange(ws, 3, from, 40, nodeHost));
    mergeChunk(emptyChunk(ws), whole);
    const view = (classes: typeof whole.classes) => classes.map((c) => [c.key, c.count, c.index]).sort();
    expect(view(parts.classes)).toEqual(view(whole.classes));
    expect(parts.runs).toBe(120);
    const stuck = whole.classes.find((c) => c.status === 'incomplete' && c.ran.length === 1 && c.ran[0] === 'Standard customer workflow')!;
    expect(stuck).toBeDefined();
    const shrunk = await shrinkExample(ws, stuck.data, stuck.key, nodeHost);
    expect(shrunk.data).toEqual({ customer: { tier: 'standard', verified: true } });
    expect(shrunk.why).toContain('‘Standard customer workflow’ still matches but already ran');
  });

  it('masks numbers and ids in errors, and folds repeated steps', () => {
    expect(maskMessage('row 12 of 3fa85f64-5717-4562 failed after 2.5 s')).toBe('row ‹n› of ‹id› failed after ‹n› s');
    expect(foldRan(['A', 'B', 'B', 'B', 'C', 'B'])).toEqual(['A', 'B ×2+', 'C', 'B']);
  });
});

describe('what the lessons say Explore finds (seed 1, the Explore tab default)', () => {
  const classes = async (name: string, runs: number) => (await exploreRange(example(name), 1, 0, runs, nodeHost)).classes;

  it('branching: customers no step handles, and an enterprise customer without an order crashes', async () => {
    const found = await classes('branching', 1000);
    const none = found.find((c) => c.ran.length === 0)!;
    expect(none.count).toBeGreaterThan(300);
    expect(none.count).toBeLessThan(500);
    const crash = found.find((c) => c.status === 'error' && /reading 'total'/.test(c.error ?? ''))!;
    expect((await shrinkExample(example('branching'), crash.data, crash.key, nodeHost)).data.customer).toEqual({ tier: 'enterprise', verified: true });
  });

  it('retry-gives-up: three classes; an empty url is retried to the failure handler, and failed: true skips every attempt', async () => {
    const ws = example('retry-gives-up');
    const found = await classes('retry-gives-up', 1000);
    expect(found).toHaveLength(3);
    const gaveUp = found.find((c) => c.ran.join() === 'Initial API call attempt ×2+,Handle final failure')!;
    expect((await shrinkExample(ws, gaveUp.data, gaveUp.key, nodeHost)).data).toEqual({ apiCall: { url: '' } });
    expect(found.some((c) => c.ran.join() === 'Handle final failure')).toBe(true);
  });

  it('bulk: an empty list runs only the first step, and a null company makes Process batch throw', async () => {
    const ws = example('bulk');
    const found = await classes('bulk', 300);
    expect(found.some((c) => c.ran.join() === 'Initialize batch processing' && c.data.companies !== undefined)).toBe(true);
    const crash = found.find((c) => c.status === 'error' && /reading 'name'/.test(c.error ?? ''))!;
    expect((await shrinkExample(ws, crash.data, crash.key, nodeHost)).data).toEqual({ processAll: true, companies: [null] });
    // No number of companies leaves a last batch unprocessed.
    const companies = ws.tasks[0].data.companies as Json[];
    for (let n = 1; n <= companies.length + 1; n++) {
      const result = await run(ws, { data: { processAll: true, companies: Array.from({ length: n }, (_, i) => companies[i % companies.length]) } });
      expect([n, getAt(result.data, ['batch', 'processed'])]).toEqual([n, n]);
    }
  });
});

describe('exploreAll', () => {
  it('counts every variant once when runners are killed, including a second hang among the variants run again', async () => {
    const ws = example('branching');
    const hangs = new Set([7, 3, 15]);
    const calls: [number, number][] = [];
    const total = await exploreAll(
      ws,
      { runs: 20, seed: 1, chunkSize: 20, variantData: async (i) => variantSpaceOf(ws, 1).variant(i) },
      async (from, count) => {
        calls.push([from, count]);
        const hung = [...hangs].filter((v) => v >= from && v < from + count).sort((a, b) => b - a)[0];
        if (hung !== undefined) return { ok: false, message: 'execution timeout', variant: hung, step: 0 };
        return { ok: true, chunk: await exploreRange(ws, 1, from, count, nodeHost) };
      },
    );
    expect(total.runs).toBe(20);
    expect(total.classes.reduce((sum, c) => sum + c.count, 0)).toBe(20);
    const timeouts = total.classes.find((c) => c.error === 'Premium customer workflow: execution timeout')!;
    expect([timeouts.count, timeouts.index]).toEqual([3, 3]);
    expect(calls[0]).toEqual([0, 20]);
  });

  it('spreads ranges over lanes, each call naming its lane at most once at a time, with the same classes as one lane', async () => {
    const ws = example('bulk');
    const run = async (lanes: number) => {
      const busy = new Set<number>();
      const used = new Set<number>();
      const total = await exploreAll(ws, { runs: 120, seed: 4, chunkSize: 7, lanes, variantData: async () => ({}) }, async (from, count, lane) => {
        expect(busy.has(lane)).toBe(false);
        busy.add(lane);
        used.add(lane);
        await new Promise((resolve) => setTimeout(resolve, lane));
        const chunk = await exploreRange(ws, 4, from, count, nodeHost);
        busy.delete(lane);
        return { ok: true, chunk };
      });
      return { total, used: [...used].sort() };
    };
    const [one, two] = [await run(1), await run(2)];
    expect(one.used).toEqual([0]);
    expect(two.used).toEqual([0, 1]);
    expect(two.total.runs).toBe(120);
    expect(two.total.classes).toEqual(one.total.classes);
    expect(two.total.coverage).toEqual(one.total.coverage);
  });

  it('sizes ranges to chunkMs from the warm ranges: the first, which boots the engine, sizes only the second', async () => {
    const ws = example('branching');
    let clock = 0;
    const calls: number[] = [];
    await exploreAll(ws, { runs: 400, seed: 1, chunkSize: 10, chunkMs: 100, now: () => clock, variantData: async () => ({}) }, async (from, count) => {
      calls.push(count);
      // 1 ms a variant, and 200 ms more for the first range's cold start.
      clock += count + (from === 0 ? 200 : 0);
      return { ok: true, chunk: await exploreRange(ws, 1, from, Math.min(count, 1), nodeHost) };
    });
    expect(calls.slice(0, 4)).toEqual([10, 5, 100, 100]);
  });
});

describe('coverage verdicts', () => {
  it('leafVerdicts agrees with explain() leaf by leaf, on every example condition and 200 generated documents each', () => {
    for (const name of ['branching', 'sequential', 'aggregation', 'dynamic-routing', 'best-practices', 'bulk']) {
      const ws = example(name);
      const space = createVariantSpace(ws, 3);
      for (const step of loadSteps(ws)) {
        if (!step.valid || !step.staticCondition) continue;
        for (let i = 0; i < 200; i++) {
          const data = space.variant(i);
          expect(step.staticCondition.leafVerdicts(data, [])).toEqual(step.staticCondition.explain(data).map((leaf) => leaf.pass));
        }
      }
    }
  });
});
