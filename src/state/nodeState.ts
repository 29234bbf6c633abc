// A node's state as the graph shows it. While the quiz asks which step runs next, every step in
// the ready set shows as "ready", so the graph does not give the answer away.
import { useQuiz } from './quiz.ts';
import type { NodeState } from './replay.ts';
import { sessionState, useSession } from './currentSession.ts';

const shown = (state: NodeState, candidate: boolean, asking: boolean): NodeState => (asking && candidate ? 'ready' : state);

export function useNodeState(index: number): NodeState {
  const state = useSession((s) => s.frame.states[index] ?? 'never');
  const candidate = useSession((s) => s.frame.ready.includes(index));
  const asking = useQuiz((s) => s.asking !== null);
  return shown(state, candidate, asking);
}

/** The same, read once outside React (the graph's SVG export). */
export function nodeStateNow(index: number): NodeState {
  const { frame } = sessionState();
  return shown(frame.states[index] ?? 'never', frame.ready.includes(index), useQuiz.getState().asking !== null);
}
