// The "Embed" dialog: an iframe snippet that shows this workspace's graph and player, read-only.
import { useRef } from 'react';
import { useEscape, useFocusTrap } from './useDismiss.ts';
import { embedSnippetFor } from '../../state/workspaceFiles.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';

export function EmbedDialog({ onClose }: { onClose(): void }) {
  const workspace = useWorkspace((s) => s.workspace);
  const snippet = embedSnippetFor(workspace);
  useEscape(onClose);
  const card = useRef<HTMLDivElement>(null);
  useFocusTrap(card);
  return (
    <div className="overlay" onClick={onClose}>
      <div
        className="card"
        role="dialog"
        aria-modal="true"
        aria-label="Embed this workspace"
        ref={card}
        onClick={(e) => e.stopPropagation()}
        style={{ maxWidth: 720 }}
      >
        <h3 style={{ marginTop: 0 }}>Embed this workspace</h3>
        <p className="muted">
          Paste this into documentation or slides: it shows the graph and the player, read-only. Visitors can open it in Steplab to edit their own copy.
        </p>
        <label htmlFor="embed-snippet">Snippet</label>
        <textarea
          id="embed-snippet"
          readOnly
          value={snippet}
          rows={5}
          style={{ width: '100%', fontFamily: 'var(--mono)', fontSize: 12 }}
          onFocus={(e) => e.target.select()}
        />
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 8 }}>
          <button onClick={() => void navigator.clipboard?.writeText(snippet)}>Copy snippet</button>
          <button className="primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
