// `npx tsx bench/seek.ts`: how long a replay seek takes in a 100,000-event trace (issue 12:
// any position in 16 ms or less). A seek is what the frame store does when the cursor moves:
// the frame at a step run or an event, the root's data there, and the edge that led there. The
// trace is indexed once first (as it is while it streams in); the reference fold is shown too.
import { createRun } from '../src/engine/createRun.ts';
import { dataIndexOf } from '../src/engine/traceFold.ts';
import { parseWorkspace } from '../src/engine/workspace.ts';
import { activeEdgeAt, frameAt, ROOT, stepRunsOf } from '../src/state/replay.ts';
import { replayIndexOf } from '../src/state/replayIndex.ts';
import { host } from './appHooks.ts';

const STEP_RUNS = 33_400;
const ws = parseWorkspace({
  steps: [
    {
      name: 'write',
      source: `export const condition = { i: { $lt: ${STEP_RUNS} } };\nexport const content = async () => {\n  data.rows[data.i % data.rows.length] = data.i;\n  data.i++;\n  step.redo();\n};\n`,
    },
  ],
  tasks: [{ name: 'rows', data: { i: 0, rows: Array.from({ length: 500 }, () => 0) } }],
  limits: { maxSteps: STEP_RUNS + 1 },
});
const run = createRun(ws, { host });
await run.runToEnd();
const events = run.events;
const runs = stepRunsOf(events);
const meta = [{ enabled: true, valid: true }];
const t = performance.now();
const index = replayIndexOf(events, 1);
const data = dataIndexOf(events);
const indexMs = performance.now() - t;

function seek(k: number, reference: boolean): number {
  const r = (k * 7919) % runs.length;
  const seq = (k * 104_729) % events.length;
  const start = performance.now();
  const frame = reference ? frameAt(events, runs, r, meta, seq) : index.frameAt(runs, r, meta, seq);
  data.dataAt(ROOT, seq);
  if (reference) activeEdgeAt(events, frame.run);
  else index.activeEdgeAt(frame.run);
  return performance.now() - start;
}

const measure = (reference: boolean, n: number) => {
  for (let k = 0; k < 50; k++) seek(k, reference);
  const times = Array.from({ length: n }, (_, k) => seek(k + 50, reference)).sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / n, p99: times[Math.floor(n * 0.99)], max: times[n - 1] };
};
const fmt = (m: { mean: number; p99: number; max: number }) => `mean ${m.mean.toFixed(3)} ms, p99 ${m.p99.toFixed(3)} ms, max ${m.max.toFixed(3)} ms`;
console.log(`${events.length.toLocaleString('en-US')} events, indexed in ${indexMs.toFixed(1)} ms`);
console.log(`seek (index):          ${fmt(measure(false, 2000))}`);
console.log(`seek (reference fold): ${fmt(measure(true, 100))}`);
