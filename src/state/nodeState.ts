// A node's state as the graph shows it. While the quiz asks which step runs next, every step in
// the ready set shows as "ready", so the graph does not give the answer away.
import { useFrame } from './frameStore.ts';
import { useQuiz } from './quiz.ts';
import type { NodeState } from './replay.ts';

export function useNodeState(index: number): NodeState {
  const state = useFrame((s) => s.frame.states[index] ?? 'never');
  const candidate = useFrame((s) => s.frame.ready.includes(index));
  const asking = useQuiz((s) => s.asking !== null);
  return asking && candidate ? 'ready' : state;
}
