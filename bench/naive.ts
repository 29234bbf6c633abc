// The naive loop every workload is compared with. It mutates task data in place: no drafts,
// no patches, no trace, no data guard, no step modules. After every step run it re-tests every
// step's compiled sift condition (so it finds the whole ready set, as the engine does), runs
// the first ready step that has not run (or called redo), and goes round-robin over tasks.
import * as siftNamespace from 'sift';

type SiftLib = typeof siftNamespace;
const sift: SiftLib = '$all' in siftNamespace ? siftNamespace : (siftNamespace as unknown as { default: SiftLib }).default;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- step bodies write any field, as step code does
export type NaiveData = Record<string, any>;
export interface NaiveControl {
  redo(): void;
  complete(): void;
}
export interface NaiveStep {
  /** A sift query over the task data (already in dot-path form). */
  query: Record<string, unknown>;
  content(data: NaiveData, control: NaiveControl): void | Promise<void>;
}
export type NaiveProgram = { test: (data: NaiveData) => boolean; content: NaiveStep['content'] }[];

/** Compiles the conditions once; like the engine's loadSteps, this is left out of the timing. */
export function compileNaive(steps: NaiveStep[]): NaiveProgram {
  return steps.map((s) => ({ test: sift.createQueryTester(s.query, { operations: { $lt: sift.$lt } }), content: s.content }));
}

/** Runs every task to its end; returns the number of step runs. `datas` are mutated in place. */
export async function runNaive(program: NaiveProgram, datas: NaiveData[]): Promise<number> {
  const tasks = datas.map((data) => ({ data, armed: program.map(() => true), ended: false }));
  let live = tasks.length;
  let runs = 0;
  let redo: boolean;
  let complete: boolean;
  const control: NaiveControl = { redo: () => (redo = true), complete: () => (complete = true) };
  while (live > 0) {
    for (const task of tasks) {
      if (task.ended) continue;
      let next = -1;
      for (let k = 0; k < program.length; k++) if (program[k].test(task.data) && task.armed[k] && next < 0) next = k;
      if (next < 0) {
        task.ended = true;
        live--;
        continue;
      }
      task.armed[next] = false;
      redo = complete = false;
      await program[next].content(task.data, control);
      runs++;
      if (redo) task.armed[next] = true;
      if (complete) {
        task.ended = true;
        live--;
      }
    }
  }
  return runs;
}
