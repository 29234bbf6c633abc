// Seeking in a long trace: the replay index answers exactly what the reference fold (frameAt,
// activeEdgeAt) answers, grows with the trace, and a seek anywhere in a 100,000-event trace folds
// at most one checkpoint's worth of events and one snapshot's worth of patches. Work is counted,
// not timed (bench/seek.ts measures the time).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/engine/createRun.ts';
import { dataIndexOf, createDataIndex, foldWork } from '../../src/engine/traceFold.ts';
import type { TraceEvent } from '../../src/engine/types.ts';
import { parseWorkspace } from '../../src/engine/workspace.ts';
import { activeEdgeAt, frameAt, ROOT, stepRunsOf } from '../../src/state/replay.ts';
import { CHECKPOINT_EVERY, createReplayIndex, replayIndexOf, seekWork } from '../../src/state/replayIndex.ts';
import { nodeHost, step, workspace } from './helpers.ts';

const examplesDir = new URL('../../examples/', import.meta.url);

async function exampleTraces() {
  const out: { name: string; events: TraceEvent[]; steps: number }[] = [];
  for (const file of readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const ws = parseWorkspace(JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')));
    for (const task of ws.tasks) {
      const run = createRun(ws, { host: nodeHost, taskName: task.name });
      await run.runToEnd();
      out.push({ name: `${file} ${task.name}`, events: run.events, steps: ws.steps.length });
    }
  }
  return out;
}

/** A long trace: one redo step writing one row at a time. */
async function longTrace(stepRuns: number) {
  const ws = workspace(
    [step(`{ i: { $lt: ${stepRuns} } }`, `data.rows[data.i % data.rows.length] = data.i; data.i++; step.redo();`)],
    { i: 0, rows: Array.from({ length: 50 }, () => 0) },
    { limits: { maxSteps: stepRuns + 1 } },
  );
  const run = createRun(ws, { host: nodeHost });
  await run.runToEnd();
  return run.events;
}

describe('replay index', () => {
  it('gives the same frames and edges as the reference fold, at every step run and every event', async () => {
    for (const { name, events, steps } of await exampleTraces()) {
      const runs = stepRunsOf(events);
      const index = createReplayIndex(steps);
      index.extend(events, 0);
      const meta = Array.from({ length: steps }, (_, i) => ({ enabled: i !== 1, valid: true }));
      for (let r = -1; r < runs.length; r++) {
        expect(index.frameAt(runs, r, meta), `${name} run ${r}`).toEqual(frameAt(events, runs, r, meta));
        expect(index.activeEdgeAt(runs[r] ?? null), `${name} edge ${r}`).toBe(activeEdgeAt(events, runs[r] ?? null));
      }
      for (const e of events) {
        const r = runs.findLastIndex((x) => x.startSeq <= e.seq);
        expect(index.frameAt(runs, r, meta, e.seq), `${name} at ${e.seq}`).toEqual(frameAt(events, runs, r, meta, e.seq));
      }
    }
  });

  it('grows with the trace: copies that add events extend one index, with the same answers', async () => {
    const events = await longTrace(400);
    const runs = stepRunsOf(events);
    const meta = [{ enabled: true, valid: true }];
    let grown = replayIndexOf(events.slice(0, 1), 1);
    for (let n = 7; n <= events.length; n += 97) grown = replayIndexOf(events.slice(0, n), 1);
    const all = events.slice();
    expect(replayIndexOf(all, 1)).toBe(grown);
    for (const r of [0, 57, 200, runs.length - 1]) expect(grown.frameAt(runs, r, meta)).toEqual(frameAt(all, runs, r, meta));
    for (const seq of [0, 100, 555, all.length - 1]) expect(dataIndexOf(all).dataAt(ROOT, seq)).toEqual(createDataIndex(all).dataAt(ROOT, seq));
  });

  it('seeks anywhere in a 100,000-event trace with bounded work', async () => {
    const events = await longTrace(33_400);
    expect(events.length).toBeGreaterThanOrEqual(100_000);
    const runs = stepRunsOf(events);
    const meta = [{ enabled: true, valid: true }];
    const index = replayIndexOf(events, 1);
    const data = dataIndexOf(events);
    let worst = { events: 0, patchSets: 0 };
    for (let k = 0; k < 500; k++) {
      const r = Math.floor((k * 7919) % runs.length);
      const seq = (k * 104_729) % events.length;
      seekWork.events = 0;
      foldWork.patchSets = 0;
      index.frameAt(runs, r, meta);
      index.frameAt(runs, r, meta, seq);
      data.dataAt(ROOT, seq);
      index.activeEdgeAt(runs[r]);
      worst = { events: Math.max(worst.events, seekWork.events), patchSets: Math.max(worst.patchSets, foldWork.patchSets) };
    }
    // Two frames (by step run and by event), each folding less than one checkpoint's events, and
    // one data lookup applying less than one snapshot's patch sets: not the 100,000 a fold costs.
    expect(worst.events).toBeLessThan(2 * CHECKPOINT_EVERY);
    expect(worst.patchSets).toBeLessThan(64);
    // And the answers are right where they are hardest: near the end.
    const last = runs.length - 1;
    expect(index.frameAt(runs, last, meta)).toEqual(frameAt(events, runs, last, meta));
    expect(data.dataAt(ROOT, events.length - 1)).toEqual(createDataIndex(events).dataAt(ROOT, events.length - 1));
  }, 60_000);
});
