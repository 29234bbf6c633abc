// The "?" overlay listing the keyboard shortcuts.
import { useRef } from 'react';
import { useEscape, useFocusTrap } from './useDismiss.ts';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ + Enter', 'Run to the end'],
  ['F10', 'Run one step'],
  ['Alt + ← / →', 'Move the replay cursor'],
  ['Home / End', 'Starting state (before the first step run) / last step run'],
  ['Alt + ↑ / ↓', 'Move the selected step up or down (in the step list)'],
  ['Ctrl + M', 'In an editor: switch Tab between indenting and moving focus out (⌃⇧M on a Mac)'],
  ['Enter / Space', 'On a graph node: select the step'],
  ['+ / -', 'With the graph focused: zoom in or out'],
  ['?', 'Show or hide this list'],
  ['Esc', 'Close'],
];

export function KeysOverlay({ onClose }: { onClose(): void }) {
  useEscape(onClose);
  const card = useRef<HTMLDivElement>(null);
  useFocusTrap(card);
  return (
    <div className="overlay" onClick={onClose}>
      <div className="card" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" ref={card} onClick={(e) => e.stopPropagation()}>
        <button className="close-x" onClick={onClose} aria-label="Close">
          ✕
        </button>
        <h3 style={{ marginTop: 0 }}>Keyboard shortcuts</h3>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
