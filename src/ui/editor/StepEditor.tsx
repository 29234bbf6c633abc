// The selected step's code in Monaco, with the engine's errors as markers, IntelliSense for the
// step API and the task data, and an offer to split a pasted block of several steps.
import { useEffect, useState } from 'react';
import type { SplitStep } from '../../engine/splitSteps.ts';
import { addStep, replaceStep, setStepSource, STEP_TEMPLATE, stepsInSource, useWorkspace } from '../../state/workspaceStore.ts';
import { CodeEditor } from './CodeEditor.tsx';
import { stepDeclarations } from './stepDeclarations.ts';
import { loadMonaco } from './useMonaco.ts';
import { Glyph } from '../app/Glyph.tsx';
import { useSession } from '../../state/currentSession.ts';

const NO_DATA = {};

function useStepTypes(): void {
  const data = useWorkspace((s) => s.workspace.tasks[s.selectedTask]?.data ?? NO_DATA);
  const connectors = useWorkspace((s) => s.workspace.connectors);
  useEffect(() => {
    let disposable: { dispose(): void } | null = null;
    let live = true;
    void loadMonaco().then(({ typescript }) => {
      if (live) disposable = typescript.javascriptDefaults.addExtraLib(stepDeclarations(data, connectors), 'file:///steplab-step-api.d.ts');
    });
    return () => {
      live = false;
      disposable?.dispose();
    };
  }, [data, connectors]);
}

export function StepEditor() {
  const index = useWorkspace((s) => s.selectedStep);
  const step = useWorkspace((s) => s.workspace.steps[s.selectedStep]);
  const check = useSession((s) => s.checks[index]);
  // The offer belongs to the step it was made for: selecting another step hides it.
  const [offerFor, setOfferFor] = useState<{ index: number; parts: SplitStep[] } | null>(null);
  const offer = offerFor?.index === index ? offerFor.parts : null;
  const setOffer = (parts: SplitStep[] | null) => setOfferFor(parts ? { index, parts } : null);
  useStepTypes();

  if (!step) {
    return (
      <div className="empty">
        <p>
          <b>Add your first step.</b> A step has a condition, matched against the task data, and a content that changes it:
        </p>
        <pre>{STEP_TEMPLATE}</pre>
        <button className="primary" onClick={() => addStep()}>
          <Glyph>+</Glyph> Add step
        </button>
      </div>
    );
  }
  const markers = check?.error?.line ? [{ message: check.error.message, line: check.error.line, column: check.error.column ?? 1 }] : [];
  return (
    <>
      {offer && (
        <div className="split-offer" role="status">
          This step now holds {offer.length} steps ({offer.map((s) => `“${s.name}”`).join(', ')}). Split it into {offer.length} steps?
          <button
            className="primary"
            onClick={() => {
              replaceStep(
                index,
                offer.map((s) => ({ ...s, enabled: true })),
              );
              setOffer(null);
            }}
          >
            Split
          </button>
          <button onClick={() => setOffer(null)}>Keep as one</button>
        </div>
      )}
      <CodeEditor
        label={`Code of step ${step.name}`}
        path={`steps/${index}.js`}
        value={step.source}
        language="javascript"
        markers={markers}
        onChange={(source) => setStepSource(index, source)}
        onPaste={() => {
          const parts = stepsInSource(index);
          setOffer(parts.length > 1 ? parts : null);
        }}
      />
      {check?.error && (
        <div className="inline-error" role="alert" data-testid="step-error">
          <Glyph>⚠</Glyph> {check.error.line ? `Line ${check.error.line}:${check.error.column} — ` : ''}
          {check.error.message}
        </div>
      )}
    </>
  );
}
