import { createRun, loadSteps } from './src/engine/createRun.ts';
import { parseWorkspace } from './src/engine/workspace.ts';
const host = { yieldMacrotask: () => new Promise<void>((resolve) => setImmediate(resolve)) };
const n = 1000;
const defs = Array.from({ length: n }, (_, k) => ({ name: `s${k}`, source: `export const condition = { chain: { s${k}: true } };\nexport const content = async () => {\n  delete data.chain.s${k};\n  data.chain.s${k + 1} = true;\n};\n` }));
const ws = parseWorkspace({ steps: defs, tasks: [{ name: 'chain', data: { chain: { s0: true } } }] });
const steps = loadSteps(ws);
let total = 0;
for (let i = 0; i < 60; i++) { const r = createRun(ws, { host, steps }); const t = performance.now(); await r.runUntil(); total += performance.now() - t; }
console.log('per step µs', (total * 1000 / (60 * n)).toFixed(1));
