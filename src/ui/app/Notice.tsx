// A notice bar for things the person must know: a corrupt autosave, an undoable delete, a run error.
import { CORRUPT_KEY } from '../../state/persistence.ts';
import { useCallback, useState } from 'react';
import { setNotice, undoDelete, useWorkspace } from '../../state/workspaceStore.ts';
import { Toast } from './Toast.tsx';
import { useSession } from '../../state/currentSession.ts';

function downloadCorruptCopy() {
  const text = window.localStorage.getItem(CORRUPT_KEY) ?? '';
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'steplab-corrupt-workspace.json' });
  a.click();
  URL.revokeObjectURL(url);
}

export function Notice() {
  const notice = useWorkspace((s) => s.notice);
  const deleted = useWorkspace((s) => s.deleted);
  const runError = useSession((s) => s.error);
  // Closing the toast only hides it here; the store keeps the deleted step until the next delete.
  const [closed, setClosed] = useState<object | null>(null);
  const closeToast = useCallback(() => setClosed(deleted), [deleted]);
  return (
    <>
      {notice && (
        <div className="notice" role="alert">
          <span className="grow">{notice}</span>
          {notice.includes('damaged copy') && <button onClick={downloadCorruptCopy}>Download damaged copy</button>}
          <button onClick={() => setNotice(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      {runError && (
        <div className="notice error" role="alert" data-testid="run-error">
          <span className="grow">
            {runError === 'execution timeout' ? 'execution timeout: a step ran longer than stepTimeoutMs and was stopped. The editor keeps working.' : runError}
          </span>
        </div>
      )}
      {deleted && deleted !== closed && (
        <Toast key={deleted.step.name + deleted.index} onClose={closeToast}>
          <span>Deleted “{deleted.step.name}”</span>
          <button onClick={undoDelete}>Undo</button>
        </Toast>
      )}
    </>
  );
}
