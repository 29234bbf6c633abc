// Drives an exploration over any host: ranges of variants go to `runRange` (a browser worker, a
// sandbox child) on `lanes` lanes at once; each call says its lane, so a host can keep one
// runner per lane. A range whose runner was killed (runaway step code) records the variant that
// hung as its own class and goes on from the next one, so a hang costs one variant, not the
// exploration. The result is the same for the same seed however it is split.
import { emptyChunk, mergeChunk, type ExploreChunk } from './exploreChunk.ts';
import { maskMessage } from './outcomeClass.ts';
import type { JsonObject, Workspace } from '../types.ts';

export type RangeOutcome = { ok: true; chunk: ExploreChunk } | { ok: false; message: string; variant: number | null; step: number | null };

export interface ExploreOptions {
  runs: number;
  seed: number;
  /** Variants per call to `runRange` at first. */
  chunkSize?: number;
  /**
   * When set, later calls are sized to take about this many milliseconds of `now()` each, from
   * the time per variant so far: few calls (each has a fixed cost) and steady progress.
   */
  chunkMs?: number;
  now?: () => number;
  lanes?: number;
  /** Called after each range with the total so far. */
  onProgress?: (total: ExploreChunk) => void;
  /** Checked between ranges; true stops early with what was found. */
  cancelled?: () => boolean;
  /** A variant's data, for one that hung (its runner died with it). */
  variantData: (index: number) => Promise<JsonObject>;
}

export async function exploreAll(
  workspace: Workspace,
  options: ExploreOptions,
  runRange: (from: number, count: number, lane: number) => Promise<RangeOutcome>,
): Promise<ExploreChunk> {
  const { runs, chunkSize = 100, lanes = 1, chunkMs, now = () => Date.now() } = options;
  const total = emptyChunk(workspace);
  let next = 0;
  let size = chunkSize;
  let spentMs = 0;
  let measured = 0;
  /**
   * Runs [from, end). When the runner is killed, the variants before the one that hung are lost
   * with it and run again (the same way, so a second hang among them is found too); the hung
   * variant becomes its own class, and the span goes on after it. Every variant is counted once.
   */
  const runSpan = async (from: number, end: number, lane: number): Promise<void> => {
    while (from < end && !options.cancelled?.()) {
      const outcome = await runRange(from, end - from, lane);
      if (outcome.ok) {
        mergeChunk(total, outcome.chunk);
        return;
      }
      const hung = Math.min(end - 1, Math.max(from, outcome.variant ?? from));
      if (hung > from) await runSpan(from, hung, lane);
      mergeChunk(total, hungChunk(workspace, hung, await options.variantData(hung), outcome));
      from = hung + 1;
    }
  };
  const runLane = async (lane: number) => {
    let cold = true;
    while (next < runs && !options.cancelled?.()) {
      const from = next;
      const end = Math.min(runs, from + size);
      next = end;
      const started = now();
      await runSpan(from, end, lane);
      if (chunkMs) {
        const took = now() - started;
        // A lane's first range also pays for a cold engine (boot, compiling, an unwarmed JIT):
        // it sizes the next range only, and is left out of the average the later ones use.
        let perVariant = took / (end - from);
        if (!cold) {
          spentMs += took;
          measured += end - from;
          perVariant = spentMs / measured;
        }
        cold = false;
        size = Math.max(5, Math.min(2_000, Math.round(chunkMs / Math.max(0.01, perVariant))));
      }
      options.onProgress?.(total);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, (_, lane) => runLane(lane)));
  return total;
}

function hungChunk(workspace: Workspace, index: number, data: JsonObject, outcome: { message: string; step: number | null }): ExploreChunk {
  const chunk = emptyChunk(workspace);
  const step = outcome.step === null ? null : (workspace.steps[outcome.step]?.name ?? null);
  const error = maskMessage(step ? `${step}: ${outcome.message}` : outcome.message);
  chunk.runs = 1;
  if (outcome.step !== null && chunk.coverage.steps[outcome.step]) chunk.coverage.steps[outcome.step].runs = 1;
  chunk.classes.push({
    key: `error\u0000${error}\u0000(killed)`,
    status: 'error',
    error,
    ran: step ? [step] : [],
    count: 1,
    index,
    data,
  });
  return chunk;
}
