// Entry point: restores the saved workspace (or opens the default example) and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App.tsx';
import { ErrorBoundary } from './ui/app/ErrorBoundary.tsx';
import { FramedRefusal, framedByForeignSite } from './ui/app/FramedRefusal.tsx';
import { startAutosave, startEmbed } from './state/autosave.ts';
import { installSession } from './state/currentSession.ts';
import { createSession } from './state/session.ts';
import { modeFromSearch, setViewMode } from './state/viewMode.ts';
import { SafeMode } from './ui/app/SafeMode.tsx';
import { previousStartFailed, startupBegan } from './ui/app/safeStart.ts';
import './ui/app/styles.css';

const mode = modeFromSearch(window.location.search);
const root = createRoot(document.getElementById('root')!);
// Another site framing the editor could trick clicks into it (the header forbids it where the
// host sends it; this covers hosts that don't). Embeds are made to be framed.
if (mode !== 'embed' && framedByForeignSite()) {
  root.render(<FramedRefusal />);
} else if (mode !== 'embed' && previousStartFailed()) {
  // The last load never finished starting: open nothing until the person chooses.
  root.render(<SafeMode onOpen={() => start()} onFresh={() => start(true)} />);
} else {
  start();
}

function start(fresh = false): void {
  // The one session: engine client, event stream, cursor, frame and checks (state/session.ts).
  installSession(createSession());
  setViewMode(mode);
  // An embed shows the workspace in its link and never touches the visitor's own saved work.
  if (mode === 'embed') startEmbed();
  else {
    startupBegan();
    void startAutosave({ fresh });
  }
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
