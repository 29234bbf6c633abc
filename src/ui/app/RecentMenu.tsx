// File ▸ Recent: the saved workspaces, newest first, each reopened with one click.
import { useSaveStatus } from '../../state/saveStatus.ts';
import { openRecent } from '../../state/workspaceSaves.ts';

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function RecentItems({ onPick }: { onPick(): void }) {
  const recent = useSaveStatus((s) => s.recent);
  const current = useSaveStatus((s) => s.currentId);
  const others = recent.filter((e) => e.id !== current);
  return (
    <div role="group" aria-label="Recent" className="recent" style={{ maxHeight: 320, overflowY: 'auto' }}>
      <div className="desc" style={{ padding: '4px 8px' }}>
        Recent
      </div>
      {others.length === 0 && (
        <div className="desc" style={{ padding: '0 8px 4px' }}>
          Workspaces you replace or open appear here.
        </div>
      )}
      {others.map((e) => (
        <button
          key={e.id}
          role="menuitem"
          onClick={() => {
            onPick();
            void openRecent(e.id);
          }}
        >
          {e.name}
          <span className="desc">Saved {when(e.savedAt)}</span>
        </button>
      ))}
    </div>
  );
}
