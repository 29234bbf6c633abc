// The header: workspace name, Examples, task picker, Run/Step/Reset/Stop and the status readout.
import { useCallback, useRef, useState } from 'react';
import { EXAMPLES } from '../../state/examples.ts';
import { stepCommand } from './stepCommand.ts';
import { renameWorkspace, selectTask, useWorkspace } from '../../state/workspaceStore.ts';
import { RunStatus } from './RunStatus.tsx';
import { useClickOutside, useEscape } from './useDismiss.ts';
import { clearBranches } from '../../state/branches.ts';
import { startLesson } from '../../state/lessonPlayer.ts';
import { setViewMode } from '../../state/viewMode.ts';
import { EmbedDialog } from './EmbedDialog.tsx';
import { copyShareLink, downloadStepFolder, downloadTrace, downloadWorkspace, newWorkspace, openFiles } from '../../state/workspaceFiles.ts';
import { replaceWith } from '../../state/workspaceSaves.ts';
import { RecentItems } from './RecentMenu.tsx';
import { Glyph } from './Glyph.tsx';
import { useSession } from '../../state/currentSession.ts';
import { resetRun, runToEnd, stopRun } from '../../state/runCommands.ts';

export function Header({ onShowKeys }: { onShowKeys(): void }) {
  const name = useWorkspace((s) => s.workspace.name);
  const tasks = useWorkspace((s) => s.workspace.tasks);
  const selectedTask = useWorkspace((s) => s.selectedTask);
  const blocked = useWorkspace((s) => Object.keys(s.jsonErrors).length > 0);
  const phase = useSession((s) => s.phase);
  // The field holds what is being typed; a new name from elsewhere (an opened file) replaces it.
  const [draft, setDraft] = useState({ of: name, text: name });
  if (draft.of !== name) setDraft({ of: name, text: name });
  const draftName = draft.text;
  const setDraftName = (text: string) => setDraft({ of: name, text });
  const busy = phase === 'running';
  const why = blocked ? 'Fix the JSON error first' : undefined;
  return (
    <header className="header app-header">
      <span className="brand" aria-hidden>
        ◆ Steplab
      </span>
      <input
        className="name"
        aria-label="Workspace name"
        value={draftName}
        onChange={(e) => setDraftName(e.target.value)}
        onBlur={() => renameWorkspace(draftName)}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      />
      <ExamplesMenu />
      <LessonButton />
      <button onClick={() => setViewMode('present')} title="Presenter mode: the graph, data and narration in large type">
        Present
      </button>
      <FileButtons />
      <label>
        Task
        <select aria-label="Task" value={selectedTask} onChange={(e) => (clearBranches(), selectTask(Number(e.target.value)))}>
          {tasks.map((t, i) => (
            <option key={i} value={i}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <button className="primary" onClick={() => void runToEnd()} disabled={busy || blocked} title={why ?? 'Run to the end (Ctrl+Enter)'}>
        <Glyph>▶</Glyph> Run
      </button>
      <button onClick={stepCommand} disabled={busy || blocked} title={why ?? 'Run one step (F10)'}>
        <Glyph>▷</Glyph> Step
      </button>
      <button onClick={resetRun} disabled={phase === 'idle'} title="Clear the run">
        <Glyph>⟲</Glyph> Reset
      </button>
      <button onClick={() => void stopRun()} disabled={phase !== 'running' && phase !== 'paused'} title="Stop the run">
        <Glyph>■</Glyph> Stop
      </button>
      <span className="spacer" />
      <RunStatus />
      <button onClick={onShowKeys} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
    </header>
  );
}

/** Open a workspace or trace file, download the workspace, save the run as a trace. */
function FileButtons() {
  const input = useRef<HTMLInputElement>(null);
  const hasRun = useSession((s) => s.events.length > 0 && s.phase !== 'running');
  const [open, setOpen] = useState(false);
  const [embedding, setEmbedding] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useClickOutside(ref, open, close);
  useEscape(close);
  const act = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };
  return (
    <div className="menu" ref={ref}>
      <button aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        File <Glyph>▾</Glyph>
      </button>
      {open && (
        <div className="menu-list" role="menu" style={{ minWidth: 260 }}>
          <button role="menuitem" onClick={act(() => void newWorkspace())}>
            New workspace<span className="desc">An empty one; this one stays in Recent</span>
          </button>
          <button role="menuitem" onClick={() => (setOpen(false), input.current?.click())}>
            Open…<span className="desc">A workspace or trace (.json), an ALOMA step folder (.zip) or step files (.js); or drop them on the page</span>
          </button>
          <button role="menuitem" onClick={act(() => void copyShareLink())}>
            Copy share link<span className="desc">The whole workspace in the link; nothing runs until Run</span>
          </button>
          <button role="menuitem" onClick={act(downloadWorkspace)}>
            Download workspace<span className="desc">As a .steplab.json file</span>
          </button>
          <button role="menuitem" onClick={act(() => setEmbedding(true))}>
            Embed…<span className="desc">A read-only graph and player for documentation</span>
          </button>
          <button role="menuitem" onClick={act(downloadStepFolder)}>
            Export step folder (.zip)<span className="desc">One .js per step plus tasks.json, connectors.json, config.json and a steplab.json manifest</span>
          </button>
          <button role="menuitem" disabled={!hasRun} onClick={act(downloadTrace)}>
            Save trace<span className="desc">This run, to replay later without running</span>
          </button>
          <RecentItems onPick={close} />
        </div>
      )}
      {embedding && <EmbedDialog onClose={() => setEmbedding(false)} />}
      <input
        ref={input}
        type="file"
        accept=".json,.zip,.js,application/json,application/zip,text/javascript"
        multiple
        hidden
        data-testid="open-file"
        onChange={(e) => {
          void openFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </div>
  );
}

function LessonButton() {
  const lesson = useWorkspace((s) => s.workspace.lesson);
  if (!lesson) return null;
  return (
    <button onClick={() => void startLesson()} title={`Walk through “${lesson.title}”, stop by stop (N next, P previous)`}>
      Lesson <Glyph>▸</Glyph>
    </button>
  );
}

function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useClickOutside(ref, open, close);
  useEscape(close);
  return (
    <div className="menu" ref={ref}>
      <button aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Examples <Glyph>▾</Glyph>
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {EXAMPLES.map((example) => (
            <button
              key={example.id}
              role="menuitem"
              onClick={() => {
                void replaceWith(structuredClone(example.workspace), null, `Opened the example “${example.workspace.name}”`);
                setOpen(false);
              }}
            >
              {example.workspace.name}
              {example.workspace.lesson && <span className="lesson-tag"> · lesson</span>}
              <span className="desc">{example.workspace.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
