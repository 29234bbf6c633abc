// The step list. Order is priority: when several steps match, the first one runs. Each entry
// has a live badge for the selected task's data (Matches / No match / Invalid).
import { useState } from 'react';
import { addStep, deleteStep, moveStep, renameStep, selectStep, toggleStep, useWorkspace } from '../../state/workspaceStore.ts';
import { StepBadge } from './StepBadge.tsx';
import { toggleStepBreakpoint, useBreakpoints } from '../../state/breakpoints.ts';
import { Glyph } from '../app/Glyph.tsx';
import { useSession } from '../../state/currentSession.ts';

const BADGE_SCOPE = 'The Matches / No match badges test the selected task’s starting data, as you type. The graph, Data and Why follow the replay cursor.';

export function StepList() {
  const steps = useWorkspace((s) => s.workspace.steps);
  const selected = useWorkspace((s) => s.selectedStep);
  const checks = useSession((s) => s.checks);
  const breaks = useBreakpoints((s) => s.steps);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      moveStep(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
      requestAnimationFrame(() =>
        (document.querySelector(`[data-step-index="${useWorkspace.getState().selectedStep}"] .step-select`) as HTMLElement | null)?.focus(),
      );
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const next = e.key === 'ArrowUp' ? i - 1 : i + 1;
      selectStep(next);
      (document.querySelector(`[data-step-index="${next}"] .step-select`) as HTMLElement | null)?.focus();
    } else if (e.key === 'F2') setRenaming(i);
    else if (e.key === 'Delete') deleteStep(i);
    else if (e.key === ' ') {
      e.preventDefault();
      toggleStep(i);
    }
  };

  return (
    <section className="panel" aria-label="Steps">
      <div className="panel-title">
        Steps <span style={{ textTransform: 'none' }}>· order = priority</span>
      </div>
      <div className="panel-body">
        {/* The badges are live checks while editing, not replay: say so, since every other panel follows the cursor. */}
        <p className="badge-scope" data-testid="badge-scope">
          <abbr title={BADGE_SCOPE}>Badges test the starting data</abbr>
        </p>
        {steps.length === 0 && <p className="empty">No steps yet. Add your first step: it starts from a template you can edit.</p>}
        <ol className="steps" aria-label="Steps, in priority order">
          {steps.map((step, i) => (
            <li
              key={`${i}-${step.name}`}
              data-step-index={i}
              data-selected={i === selected}
              className={`step-item${step.enabled ? '' : ' disabled'}${dragging === i ? ' dragging' : ''}${dropAt === i ? ' drop-target' : ''}`}
              onClick={() => selectStep(i)}
              onDoubleClick={() => setRenaming(i)}
              onKeyDown={(e) => renaming === null && onKeyDown(e, i)}
              draggable={renaming === null}
              onDragStart={(e) => {
                setDragging(i);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => {
                e.preventDefault();
                setDropAt(i);
              }}
              onDragEnd={() => {
                setDragging(null);
                setDropAt(null);
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging !== null) moveStep(dragging, i);
                setDragging(null);
                setDropAt(null);
              }}
            >
              <span className="index">
                <button
                  className="bp"
                  aria-pressed={breaks.includes(i)}
                  aria-label={`Breakpoint before ${step.name}`}
                  title={breaks.includes(i) ? 'Remove breakpoint' : 'Pause before this step runs'}
                  onClick={(e) => (e.stopPropagation(), toggleStepBreakpoint(i))}
                >
                  {i + 1}
                </button>
              </span>
              {renaming === i ? (
                <input
                  className="rename-input"
                  aria-label="Step name"
                  autoFocus
                  defaultValue={step.name}
                  onBlur={(e) => {
                    renameStep(i, e.target.value);
                    setRenaming(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                    if (e.key === 'Escape') setRenaming(null);
                  }}
                />
              ) : (
                <button className="title step-select" title={step.name} aria-current={i === selected ? 'true' : undefined} tabIndex={i === selected ? 0 : -1}>
                  {step.name}
                </button>
              )}
              <span className="actions">
                <button onClick={(e) => (e.stopPropagation(), setRenaming(i))} aria-label={`Rename ${step.name}`} title="Rename (F2)">
                  ✎
                </button>
                <button onClick={(e) => (e.stopPropagation(), deleteStep(i))} aria-label={`Delete ${step.name}`} title="Delete (Del)">
                  ✕
                </button>
              </span>
              <span className="step-row2">
                <StepBadge enabled={step.enabled} check={checks[i]} />
                <label onClick={(e) => e.stopPropagation()} title="Enabled (Space)" style={{ marginLeft: 'auto', fontSize: 11 }}>
                  <input type="checkbox" checked={step.enabled} onChange={() => toggleStep(i)} aria-label={`Enable ${step.name}`} /> on
                </label>
              </span>
            </li>
          ))}
        </ol>
        <button className="add-step" onClick={() => addStep()}>
          <Glyph>+</Glyph> Add step
        </button>
      </div>
    </section>
  );
}
