// Safe mode: shown instead of the app when the previous load did not finish starting. Nothing
// is laid out or run here; the person chooses what happens to the saved workspace.
import { useEffect, useState } from 'react';
import { savedWorkspace, type SavedCopy } from './safeStart.ts';

const box: React.CSSProperties = {
  maxWidth: 560,
  margin: '12vh auto',
  padding: 24,
  font: '15px/1.5 system-ui, sans-serif',
  border: '1px solid #8a8a85',
  borderRadius: 8,
};

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'workspace'}.steplab.json`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SafeMode({ onOpen, onFresh }: { onOpen(): void; onFresh(): void }) {
  const [saved, setSaved] = useState<SavedCopy | null>(null);
  useEffect(() => void savedWorkspace().then(setSaved), []);
  const what = saved ? `“${saved.name}”${saved.steps === null ? '' : ` (${saved.steps} step${saved.steps === 1 ? '' : 's'})`}` : 'your saved workspace';
  return (
    <main style={box} role="main" aria-labelledby="safe-title" data-testid="safe-start">
      <h1 id="safe-title" style={{ fontSize: 20, marginTop: 0 }}>
        Steplab did not finish starting last time
      </h1>
      <p>
        The page stopped before it had laid out the graph, perhaps because the tab crashed. So that it cannot happen again, Steplab has not opened {what}:
        nothing has been laid out or run.
      </p>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <button onClick={onOpen}>Open it anyway</button>
        <button disabled={!saved} onClick={() => saved && download(saved.name, saved.text)}>
          Download it
        </button>
        <button onClick={onFresh}>Start fresh</button>
      </div>
      <p style={{ fontSize: 13, color: '#555' }}>
        Start fresh opens the default example as a new workspace. The saved one is not opened but stays under File ▸ Recent.
      </p>
    </main>
  );
}
