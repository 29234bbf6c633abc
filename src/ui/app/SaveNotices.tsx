// Saving problems (storage refused or full, a damaged copy, another tab's newer save) as a
// notice with what can be done, and the Undo toast after a workspace was replaced.
import { useEffect } from 'react';
import { useSaveStatus } from '../../state/saveStatus.ts';
import { backend, keepAsCopy, loadNewer, undoReplace } from '../../state/workspaceSaves.ts';
import { CORRUPT } from '../../state/savedStore.ts';
import type { CorruptCopy } from '../../state/persistence.ts';
import { downloadWorkspace } from '../../state/workspaceFiles.ts';

const UNDO_MS = 8000;

async function downloadCorruptCopy(): Promise<void> {
  const copy = await backend()?.get<CorruptCopy>(CORRUPT);
  const url = URL.createObjectURL(new Blob([copy?.text ?? ''], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'steplab-damaged-workspace.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SaveNotices() {
  const notice = useSaveStatus((s) => s.notice);
  const undo = useSaveStatus((s) => s.undo);
  const dismiss = () => useSaveStatus.setState({ notice: null });
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => useSaveStatus.setState((s) => (s.undo === undo ? { undo: null } : s)), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);
  return (
    <>
      {notice && (
        <div className="notice" role="alert" data-testid="save-notice">
          <span className="grow">{notice.text}</span>
          {notice.kind === 'conflict' && (
            <>
              <button onClick={() => void loadNewer()}>Load the other tab’s version</button>
              <button onClick={() => void keepAsCopy()}>Keep mine as a copy</button>
            </>
          )}
          {notice.kind === 'corrupt' && <button onClick={() => void downloadCorruptCopy()}>Download damaged copy</button>}
          {(notice.kind === 'unavailable' || notice.kind === 'failed') && <button onClick={downloadWorkspace}>Download workspace</button>}
          {notice.kind !== 'conflict' && (
            <button onClick={dismiss} aria-label="Dismiss">
              ✕
            </button>
          )}
        </div>
      )}
      {undo && (
        <div className="toast" role="status" data-testid="undo-toast" style={{ bottom: 104 }}>
          <span>{undo.text}. The previous workspace is in File ▸ Recent.</span>
          <button onClick={() => void undoReplace()}>Undo</button>
          <button onClick={() => useSaveStatus.setState({ undo: null })} aria-label="Close">
            ✕
          </button>
        </div>
      )}
    </>
  );
}
