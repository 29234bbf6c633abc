// A step in the graph. Its run state at the cursor comes from a per-node selector, so moving
// the cursor re-renders only the nodes whose state changed.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { conditionErrorAt } from '../../state/conditionErrors.ts';
import { useNodeState } from '../../state/nodeState.ts';
import type { NodeState } from '../../state/replay.ts';
import { selectStep, useWorkspace } from '../../state/workspaceStore.ts';
import type { StepNodeData } from './buildGraph.ts';
import { toggleStepBreakpoint, useBreakpoints } from '../../state/breakpoints.ts';
import { hoverStep } from '../../state/hoverStore.ts';
import { useLesson } from '../../state/lessonPlayer.ts';
import { guess, useQuiz } from '../../state/quiz.ts';
import { Glyph } from '../app/Glyph.tsx';
import { useStepCoverage } from '../../state/coverageView.ts';
import { CoverageChip, CoverageLine } from './CoverageMarks.tsx';
import { useSession } from '../../state/currentSession.ts';

export const STATE_LOOK: Record<NodeState, { icon: string; word: string }> = {
  ready: { icon: '◎', word: 'ready' },
  running: { icon: '▶', word: 'running' },
  ran: { icon: '✓', word: 'ran' },
  failed: { icon: '✕', word: 'failed' },
  invalid: { icon: '⚠', word: 'invalid' },
  disabled: { icon: '⊘', word: 'disabled' },
  waiting: { icon: '◷', word: 'waiting' },
  never: { icon: '·', word: 'never matched' },
  idle: { icon: '○', word: 'no match' },
};

function StepNodeView({ data }: NodeProps) {
  const { index, name, chips } = data as StepNodeData;
  const state = useNodeState(index);
  const count = useSession((s) => s.frame.counts[index] ?? 0);
  const selected = useWorkspace((s) => s.selectedStep === index);
  const hasBreak = useBreakpoints((s) => s.steps.includes(index));
  const spotlit = useLesson((s) => s.highlight.includes(name));
  const seq = useSession((s) => s.seq);
  const conditionError = useSession((r) => conditionErrorAt(r.events, index, seq));
  const coverage = useStepCoverage(index);
  const look = STATE_LOOK[state];
  return (
    <div
      className="step-node"
      data-state={state}
      data-coverage={coverage ? (coverage.runs === 0 ? 'never-ran' : 'ran') : undefined}
      data-selected={selected}
      data-spotlight={spotlit || undefined}
      role="group"
      aria-label={`${name}: ${look.word}${count > 0 && state !== 'never' ? `, ran ${count} time${count === 1 ? '' : 's'}` : ''}${hasBreak ? ', breakpoint' : ''}`}
      data-testid={`node-${index}`}
      onClick={() => (useQuiz.getState().asking !== null ? guess(index) : selectStep(index))}
      onMouseEnter={() => hoverStep(index)}
      onMouseLeave={() => hoverStep(null)}
      title={name}
    >
      <Handle type="target" position={Position.Top} />
      <div className="head">
        <button
          className={`bp-toggle${hasBreak ? ' on' : ''}`}
          aria-pressed={hasBreak}
          aria-label={`Breakpoint on ${name}`}
          title={hasBreak ? 'Remove the breakpoint' : 'Pause before this step runs'}
          onClick={(e) => (e.stopPropagation(), toggleStepBreakpoint(index))}
        >
          ●
        </button>
        <span className="name">{name}</span>
      </div>
      <div className={`state state-${state}`} data-testid={`node-state-${index}`}>
        <Glyph>{look.icon}</Glyph> {look.word}
        {count > 0 && state !== 'never' ? ` ${count}` : ''}
      </div>
      {conditionError && (
        <div className="condition-error" data-testid={`node-condition-error-${index}`} title={conditionError}>
          <Glyph>⚠</Glyph> condition error
        </div>
      )}
      {coverage && <CoverageLine coverage={coverage} />}
      <div className="chips">
        {chips.slice(0, 4).map((chip, i) => (
          <CoverageChip key={i} text={chip} leaf={coverage?.leaves[i]} />
        ))}
        {chips.length > 4 && <span className="chip">+{chips.length - 4}</span>}
      </div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

export const StepNode = memo(StepNodeView);

function TerminalNodeView({ data }: NodeProps) {
  const kind = (data as { kind: 'start' | 'end' }).kind;
  const status = useSession((s) => s.frame.status);
  const task = useWorkspace((s) => s.workspace.tasks[s.selectedTask]?.name ?? 'Task');
  if (kind === 'start') {
    return (
      <div className="terminal-node">
        <Glyph>●</Glyph> {task}
        <Handle type="source" position={Position.Bottom} />
      </div>
    );
  }
  return (
    <div className="terminal-node" data-status={status ?? 'none'} data-testid="end-node">
      <Handle type="target" position={Position.Top} />
      <Glyph>■</Glyph> {status ?? 'end'}
    </div>
  );
}

export const TerminalNode = memo(TerminalNodeView);
