// hasLiveChild answers "does any child still run?" the way a scan of every child would, while
// its cursor never goes back over children that ended (so many subtasks cost linear work).
import { describe, expect, it } from 'vitest';
import { hasLiveChild, type TaskState } from '../../src/engine/runState.ts';

type Phase = TaskState['phase'];
const child = (phase: Phase) => ({ phase }) as TaskState;
const parentOf = (children: TaskState[]) => ({ children, childScan: 0 }) as unknown as TaskState;
const scanAll = (task: TaskState) => task.children.some((c) => c.phase !== 'ended');

describe('hasLiveChild', () => {
  it('agrees with a full scan as children end in any order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const children = Array.from({ length: 1 + Math.floor(random() * 20) }, () => child('queued'));
      const task = parentOf(children);
      while (children.some((c) => c.phase !== 'ended')) {
        expect(hasLiveChild(task)).toBe(scanAll(task));
        const live = children.filter((c) => c.phase !== 'ended');
        live[Math.floor(random() * live.length)].phase = 'ended';
        // New children may arrive while others run.
        if (random() < 0.2) children.push(child('stepping'));
      }
      expect(hasLiveChild(task)).toBe(false);
      expect(task.childScan).toBe(children.length);
    }
  });

  it('a task without children has none running', () => {
    expect(hasLiveChild(parentOf([]))).toBe(false);
  });
});
