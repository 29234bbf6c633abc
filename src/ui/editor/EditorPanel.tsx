// The editor panel: the selected step's code, and JSON editors for task data, mocks and config.
import { isPlainObject } from '../../engine/plainValues.ts';
import type { JsonObject } from '../../engine/types.ts';
import {
  parseConnectorsJson,
  parseExpectationJson,
  setConfig,
  setConnectors,
  setTaskData,
  setTaskExpectation,
  useWorkspace,
} from '../../state/workspaceStore.ts';
import { setEditorTab, useEditorNavigation, type EditorTab } from '../../state/editorNavigation.ts';
import { JsonEditor } from './JsonEditor.tsx';
import { StepEditor } from './StepEditor.tsx';

const TABS: [EditorTab, string][] = [
  ['step', 'Step'],
  ['task', 'Task data'],
  ['expect', 'Expect'],
  ['connectors', 'Connectors'],
  ['config', 'Config'],
];

const objectOnly = (what: string) => (value: unknown) => {
  if (!isPlainObject(value)) throw new Error(`${what} must be a JSON object, like { "order": { "status": "new" } }`);
  return value as JsonObject;
};

export function EditorPanel() {
  const tab = useEditorNavigation((s) => s.tab);
  const errors = useWorkspace((s) => s.jsonErrors);
  const selectedTask = useWorkspace((s) => s.selectedTask);
  const task = useWorkspace((s) => s.workspace.tasks[s.selectedTask]);
  const connectors = useWorkspace((s) => s.workspace.connectors);
  const config = useWorkspace((s) => s.workspace.config);
  return (
    <section className="panel" aria-label="Editor">
      <div className="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} onClick={() => setEditorTab(id)}>
            {label}
            {errors[id] && (
              <span className="dot" aria-label="has an error">
                ●
              </span>
            )}
          </button>
        ))}
      </div>
      {tab === 'step' && <StepEditor />}
      {tab === 'task' && task && (
        <JsonEditor
          key={`task-${selectedTask}`}
          id="task"
          path={`tasks/${selectedTask}.json`}
          value={task.data}
          parse={objectOnly('Task data')}
          commit={(data) => setTaskData(selectedTask, data)}
        />
      )}
      {tab === 'expect' && task && (
        <JsonEditor
          key={`expect-${selectedTask}`}
          id="expect"
          path={`tasks/${selectedTask}.expect.json`}
          value={task.expect ?? null}
          parse={parseExpectationJson}
          commit={(expectation) => setTaskExpectation(selectedTask, expectation ?? undefined)}
        />
      )}
      {tab === 'connectors' && <JsonEditor id="connectors" path="connectors.json" value={connectors} parse={parseConnectorsJson} commit={setConnectors} />}
      {tab === 'config' && <JsonEditor id="config" path="config.json" value={config} parse={objectOnly('Config')} commit={setConfig} />}
    </section>
  );
}
