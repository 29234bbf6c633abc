// The playground screen: header, step list, editor, graph, data panel and the timeline.
import { useCallback, useState } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { InspectorPanel } from '../inspect/InspectorPanel.tsx';
import { EditorPanel } from '../editor/EditorPanel.tsx';
import { GraphPanel } from '../graph/GraphPanel.tsx';
import { Timeline } from '../replay/Timeline.tsx';
import { LessonBar } from '../replay/LessonBar.tsx';
import { QuizBar } from '../replay/QuizBar.tsx';
import { StepList } from '../steps/StepList.tsx';
import { Header } from './Header.tsx';
import { PresenterView } from './PresenterView.tsx';
import { useViewMode } from '../../state/viewMode.ts';
import { KeysOverlay } from './KeysOverlay.tsx';
import { Notice } from './Notice.tsx';
import { SaveNotices } from './SaveNotices.tsx';
import { PausedBar } from './PausedBar.tsx';
import { useKeyboard } from './useKeyboard.ts';
import { filesFromDrop, openFiles } from '../../state/workspaceFiles.ts';

export function App() {
  const mode = useViewMode((s) => s.mode);
  if (mode !== 'edit') return <PresenterView embed={mode === 'embed'} />;
  return <Editor />;
}

function Editor() {
  const [showKeys, setShowKeys] = useState(false);
  useKeyboard(useCallback(() => setShowKeys((v) => !v), []));
  return (
    <div
      className="app"
      onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        void filesFromDrop(e.dataTransfer).then(openFiles);
      }}
    >
      <div>
        <Header onShowKeys={() => setShowKeys(true)} />
        <Notice />
        <SaveNotices />
        <PausedBar />
      </div>
      <Group orientation="horizontal" className="workarea">
        <Panel defaultSize="17" minSize="10" collapsible>
          <StepList />
        </Panel>
        <Separator className="sep" />
        <Panel defaultSize="38" minSize="20">
          <EditorPanel />
        </Panel>
        <Separator className="sep" />
        <Panel defaultSize="45" minSize="20">
          <Group orientation="vertical">
            <Panel defaultSize="60" minSize="20">
              <GraphPanel />
            </Panel>
            <Separator className="sep" />
            <Panel defaultSize="40" minSize="10" collapsible>
              <InspectorPanel />
            </Panel>
          </Group>
        </Panel>
      </Group>
      <div>
        <LessonBar />
        <QuizBar />
        <Timeline />
      </div>
      {showKeys && <KeysOverlay onClose={() => setShowKeys(false)} />}
    </div>
  );
}
