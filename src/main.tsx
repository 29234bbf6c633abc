// Entry point: restores the saved workspace (or opens the default example) and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App.tsx';
import { ErrorBoundary } from './ui/app/ErrorBoundary.tsx';
import { startAutosave, startEmbed } from './ui/app/autosave.ts';
import { modeFromSearch, setViewMode } from './state/viewMode.ts';
import './ui/app/styles.css';

const mode = modeFromSearch(window.location.search);
setViewMode(mode);
// An embed shows the workspace in its link and never touches the visitor's own saved work.
if (mode === 'embed') startEmbed();
else startAutosave();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
