// `chain`: step k waits for `chain.sk`, clears it and sets `chain.s(k+1)`: a token passed down
// the chain, so the data stays one small object and only the number of steps grows. Every
// condition reads its own path, which is the case the read-path index is built for.
import { Engine } from 'json-rules-engine';
import { loadSteps } from '../../src/engine/createRun.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { createAppRun, runToEnd } from '../appHooks.ts';
import { compileNaive, runNaive } from '../naive.ts';
import { timed, type BenchCase } from './types.ts';

function chainWorkspace(n: number) {
  const steps = Array.from({ length: n }, (_, k) => ({
    name: `s${k}`,
    source: `export const condition = { chain: { s${k}: true } };\nexport const content = async () => {\n  delete data.chain.s${k};\n  data.chain.s${k + 1} = true;${k === n - 1 ? '\n  task.complete();' : ''}\n};\n`,
  }));
  return parseWorkspace({ steps, tasks: [{ name: 'chain', data: { chain: { s0: true } } }], limits: { maxSteps: n + 1 } });
}

/** json-rules-engine driven the same way: facts for the token, a rule per step, one run per step. */
async function jsonRules(engine: Engine): Promise<number> {
  const facts: Record<string, boolean> = { s0: true };
  let runs = 0;
  for (;;) {
    const { events } = await engine.run(facts);
    if (events.length === 0) break;
    const k = (events[0].params as { k: number }).k;
    facts[`ran${k}`] = true;
    facts[`s${k}`] = false;
    facts[`s${k + 1}`] = true;
    runs++;
  }
  return runs;
}

function rulesFor(n: number): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (let k = 0; k < n; k++) {
    engine.addRule({
      name: `s${k}`,
      priority: 1,
      conditions: {
        all: [
          { fact: `s${k}`, operator: 'equal', value: true },
          { fact: `ran${k}`, operator: 'notEqual', value: true },
        ],
      },
      event: { type: 'step', params: { k } },
    });
  }
  return engine;
}

export function chainCases(): BenchCase[] {
  return [10, 100, 1000].map((n) => {
    const workspace = chainWorkspace(n);
    const steps = loadSteps(workspace);
    const program = compileNaive(
      Array.from({ length: n }, (_, k) => ({
        query: { [`chain.s${k}`]: true },
        content: (data, control) => {
          delete data.chain[`s${k}`];
          data.chain[`s${k + 1}`] = true;
          if (k === n - 1) control.complete();
        },
      })),
    );
    const engine = rulesFor(n);
    return {
      workload: 'chain',
      n,
      budgetMs: n >= 1000 ? 2000 : 800,
      steplab: () => timed(n, () => runToEnd(createAppRun(workspace, steps))),
      naive: () => timed(n, () => runNaive(program, [{ chain: { s0: true } }])),
      jsonRulesEngine: () => timed(n, () => jsonRules(engine)),
    };
  });
}
