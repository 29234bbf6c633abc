import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import { applyPatches, createDataIndex } from '../../src/engine/traceFold.ts';
import type { JsonObject } from '../../src/engine/types.ts';
import { nodeHost, step, workspace } from './helpers.ts';

// Random small step sets from a grammar of conditions and mutations, redo loops included.
const key = fc.constantFrom('a', 'b', 'c');
const value = fc.integer({ min: 0, max: 3 });
const leaf = fc.oneof(
  value.map(String),
  fc.constant('Number'),
  fc.constant('null'),
  value.map((v) => `{ $lt: ${v} }`),
  value.map((v) => `{ $ne: ${v} }`),
);
const condition = fc
  .uniqueArray(fc.tuple(key, leaf), { minLength: 1, maxLength: 2, selector: ([k]) => k })
  .map((pairs) => `{ ${pairs.map(([k, l]) => `${k}: ${l}`).join(', ')} }`);
const mutation = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => `data.${k} = ${v};`),
  key.map((k) => `data.${k} = (data.${k} ?? 0) + 1;`),
  key.map((k) => `delete data.${k};`),
  fc.constant('step.redo();'),
  fc.constant('await connectors.utils.sleep({ milliseconds: Math.floor(Math.random() * 100) });'),
);
const stepSource = fc.tuple(condition, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([c, m]) => step(c, m.join('\n')));
const scenario = fc.record({
  steps: fc.array(stepSource, { minLength: 1, maxLength: 4 }),
  data: fc.dictionary(key, value) as fc.Arbitrary<JsonObject>,
});

async function traced(s: { steps: string[]; data: JsonObject }) {
  const ws = workspace(s.steps, s.data, { limits: { maxSteps: 60 } });
  const live: JsonObject[] = [];
  const r = createRun(ws, { host: nodeHost, onEvent: () => live.push(JSON.parse(JSON.stringify(r.dataOf('t0') ?? {}))) });
  const result = await r.runToEnd();
  return { result, live };
}

describe('engine properties', () => {
  it('the same workspace gives the same trace', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const [one, two] = [await traced(s), await traced(s)];
        expect(two.result.events).toEqual(one.result.events);
      }),
      { numRuns: 150 },
    );
  });

  it('data rebuilt from the trace equals the live data at every event', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { result, live } = await traced(s);
        const index = createDataIndex(result.events, 4);
        result.events.forEach((event, i) => expect(index.dataAt('t0', event.seq)).toEqual(live[i]));
      }),
      { numRuns: 150 },
    );
  });

  it('inverse patches undo each step', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { result } = await traced(s);
        const index = createDataIndex(result.events);
        for (const event of result.events) {
          if (event.kind !== 'step-finished') continue;
          const after = index.dataAt('t0', event.seq)!;
          expect(applyPatches(after, event.inverse)).toEqual(index.dataAt('t0', event.seq - 1));
        }
      }),
      { numRuns: 150 },
    );
  });
});
