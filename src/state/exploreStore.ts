// Explore's state: generated variants of the workspace's tasks run in the sandbox, their outcome
// classes as they stream in, then a minimal example and the reason for every class that did not
// end `done`. A finding can become a task, and so a regression test.
import { create } from 'zustand';
import { isExploreChunk, isShrunkExample } from '../engine/explore/batchShapes.ts';
import { exploreAll } from '../engine/explore/exploreAll.ts';
import { DEFAULT_EXPLORE_RUNS, MAX_EXPLORE_RUNS, type ExploreChunk, type ExploredClass } from '../engine/explore/exploreChunk.ts';
import { isPlainObject } from '../engine/plainValues.ts';
import type { ShrunkExample } from '../engine/explore/shrinkExample.ts';
import type { JsonObject, TaskDef, TaskStatus } from '../engine/types.ts';
import { createBatchSession, prestartBatchEngine, type BatchSession } from '../worker/batchClient.ts';
import { addTask, useWorkspace } from './workspaceStore.ts';

export type ExplorePhase = 'idle' | 'exploring' | 'shrinking' | 'done' | 'cancelled';

export interface ExploreState {
  phase: ExplorePhase;
  runs: number;
  seed: number;
  result: ExploreChunk | null;
  shrunk: Record<string, ShrunkExample>;
  /** Wall-clock milliseconds the variants took (shrinking not included). */
  ms: number;
  error: string | null;
}

export const useExplore = create<ExploreState>(() => ({ phase: 'idle', runs: DEFAULT_EXPLORE_RUNS, seed: 1, result: null, shrunk: {}, ms: 0, error: null }));

/** Variants in the first call to the engine; later calls are sized to take about CHUNK_MS. */
const CHUNK = 20;
const CHUNK_MS = 150;
const MAX_SHRINKS = 20;
/** The sandboxed engines of the exploration under way, one per lane; the first also shrinks. */
let sessions: BatchSession[] = [];
let generation = 0;

/**
 * Engines that explore at once: the cores left after two for the page and the browser, at
 * least one and at most four. Measured on two cores, two engines took 1.3-1.6x longer than one
 * (they contend with the page, the sandbox frame and their own JIT threads). The classes are
 * the same however the variants are split.
 */
export function exploreLanes(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.min(4, Math.max(1, cores - 2));
}

export function setExploreOptions(options: { runs?: number; seed?: number }): void {
  const runs = options.runs === undefined ? undefined : Math.max(1, Math.min(MAX_EXPLORE_RUNS, Math.round(options.runs)));
  useExplore.setState((s) => ({ runs: runs ?? s.runs, seed: options.seed ?? s.seed }));
}

/** Boots the next exploration's engines ahead of time (see prestartBatchEngine). */
export const prepareExplore = (): void => prestartBatchEngine(exploreLanes());

const disposeAll = (list: BatchSession[]) => list.forEach((s) => s.dispose());

export async function explore(): Promise<void> {
  const workspace = useWorkspace.getState().workspace;
  const { runs, seed } = useExplore.getState();
  const mine = ++generation;
  disposeAll(sessions);
  const lanes = Array.from({ length: exploreLanes() }, () => createBatchSession(workspace.limits.stepTimeoutMs));
  sessions = lanes;
  const batch = lanes[0];
  const live = () => mine === generation;
  useExplore.setState({ phase: 'exploring', result: null, shrunk: {}, ms: 0, error: null });
  const started = performance.now();
  try {
    const result = await exploreAll(
      workspace,
      {
        runs,
        seed,
        chunkSize: CHUNK,
        chunkMs: CHUNK_MS,
        // A hung variant's data comes from a fresh engine: fast-check stays out of the page.
        variantData: async (index) => {
          const answer = await batch.call((remote) => remote.variantData(workspace, seed, index), isPlainObjectValue);
          return answer.ok ? answer.value : {};
        },
        now: () => performance.now(),
        lanes: lanes.length,
        cancelled: () => !live(),
        onProgress: (total) => live() && useExplore.setState({ result: copyOf(total), ms: performance.now() - started }),
      },
      async (from, count, lane) => {
        const answer = await lanes[lane].call((remote) => remote.explore(workspace, seed, from, count), isExploreChunk);
        return answer.ok ? { ok: true, chunk: answer.value } : answer;
      },
    );
    if (!live()) return;
    disposeAll(lanes.slice(1));
    useExplore.setState({ phase: 'shrinking', result: copyOf(result), ms: performance.now() - started });
    for (const found of result.classes.filter((c) => c.status !== 'done' && !c.key.endsWith('(killed)')).slice(0, MAX_SHRINKS)) {
      const answer = await batch.call((remote) => remote.shrink(workspace, found.data, found.key), isShrunkExample);
      if (!live()) return;
      if (answer.ok) useExplore.setState((s) => ({ shrunk: { ...s.shrunk, [found.key]: answer.value } }));
    }
    useExplore.setState({ phase: 'done' });
  } catch (error) {
    if (live()) useExplore.setState({ phase: 'done', error: String((error as Error)?.message ?? error) });
  } finally {
    disposeAll(lanes);
    if (sessions === lanes) sessions = [];
  }
}

export function cancelExplore(): void {
  generation++;
  disposeAll(sessions);
  sessions = [];
  useExplore.setState((s) => ({ phase: s.phase === 'idle' ? 'idle' : 'cancelled' }));
}

/**
 * Adds a class's example (the minimal one when there is one) as a new task; returns its index.
 * Its expectation is the end this workspace's own tasks expect most (else `done`), so the
 * finding fails as a test until the steps handle it or the author says what should happen.
 */
export function addFindingAsTask(found: ExploredClass): number {
  const { tasks } = useWorkspace.getState().workspace;
  const shrunk = useExplore.getState().shrunk[found.key];
  const data: JsonObject = shrunk?.data ?? found.data;
  const label = found.error ? `${found.status}: ${found.error}` : `${found.status} after ${found.ran.length ? found.ran.join(' → ') : 'no step'}`;
  return addTask({ name: `Found: ${label}`.slice(0, 80), data, expect: { status: usualStatus(tasks) } });
}

function usualStatus(tasks: readonly TaskDef[]): TaskStatus {
  const counts = new Map<TaskStatus, number>();
  for (const t of tasks) if (t.expect) counts.set(t.expect.status, (counts.get(t.expect.status) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'done';
}

const isPlainObjectValue = (value: unknown) => isPlainObject(value);

const copyOf = (chunk: ExploreChunk): ExploreChunk => ({ ...chunk, classes: chunk.classes.map((c) => ({ ...c })) });
