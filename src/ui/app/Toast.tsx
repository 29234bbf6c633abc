// A short-lived message at the bottom right: it closes itself after about 8 s (the timer waits
// while the pointer or the keyboard is on it) and has a close button.
import { useEffect, useState, type ReactNode } from 'react';

export const TOAST_MS = 8000;

export function Toast({ children, onClose, ms = TOAST_MS }: { children: ReactNode; onClose(): void; ms?: number }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onClose, ms);
    return () => clearTimeout(timer);
  }, [held, ms, onClose]);
  return (
    <div
      className="toast"
      role="status"
      data-testid="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {children}
      <button className="toast-close" onClick={onClose} aria-label="Close">
        ✕
      </button>
    </div>
  );
}
