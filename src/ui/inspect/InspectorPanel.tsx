// The bottom-right panel: Data, Why, Log, Lanes, Console and Visualize, all at the cursor;
// Errors, every problem in the workspace; Tests, Coverage and Explore, over many runs.
import { useState } from 'react';
import { DataPanel } from '../data/DataPanel.tsx';
import { ConsolePanel } from './ConsolePanel.tsx';
import { EventLog } from './EventLog.tsx';
import { LanesView } from './LanesView.tsx';
import { VisualizePanel } from './VisualizePanel.tsx';
import { WhyPanel } from './WhyPanel.tsx';
import { BranchesPanel } from './BranchesPanel.tsx';
import { ErrorsPanel } from './ErrorsPanel.tsx';
import { useProblems } from './useProblems.ts';
import { TestsPanel } from './TestsPanel.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { ExplorePanel } from './ExplorePanel.tsx';
import { useSession } from '../../state/currentSession.ts';

const TABS = ['Data', 'Why', 'Log', 'Lanes', 'Console', 'Visualize', 'Branches', 'Errors', 'Tests', 'Coverage', 'Explore'] as const;
type Tab = (typeof TABS)[number];

export function InspectorPanel() {
  const [tab, setTab] = useState<Tab>('Data');
  const phase = useSession((s) => s.phase);
  const run = useSession((s) => s.frame.run);
  const logs = useSession((s) => s.events.reduce((n, e) => n + (e.kind === 'log' ? 1 : 0), 0));
  const problems = useProblems();
  const where = phase === 'idle' ? 'starting data' : run ? `at t = ${(run.t / 1000).toFixed(3)} s` : 'before the first step';
  return (
    <section className="panel" aria-label="Inspector" data-testid="data-panel">
      <div className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
            {name}
            {name === 'Console' && logs > 0 ? <span className="count"> {logs}</span> : null}
            {name === 'Errors' && problems.length > 0 ? <span className="count problem-count"> {problems.length}</span> : null}
          </button>
        ))}
        <span className="muted tab-note">{where}</span>
      </div>
      <div className="panel-body">
        {tab === 'Data' && <DataPanel />}
        {tab === 'Why' && <WhyPanel />}
        {tab === 'Log' && <EventLog />}
        {tab === 'Lanes' && <LanesView />}
        {tab === 'Console' && <ConsolePanel />}
        {tab === 'Visualize' && <VisualizePanel />}
        {tab === 'Branches' && <BranchesPanel />}
        {tab === 'Errors' && <ErrorsPanel problems={problems} />}
        {tab === 'Tests' && <TestsPanel />}
        {tab === 'Coverage' && <CoveragePanel />}
        {tab === 'Explore' && <ExplorePanel />}
      </div>
    </section>
  );
}
