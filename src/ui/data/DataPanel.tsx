// The task's data at the cursor, as a tree, with what the step at the cursor changed.
import { useMemo } from 'react';
import { useFrame } from '../../state/frameStore.ts';
import { useRun } from '../../state/runStore.ts';
import { JsonTree } from './JsonTree.tsx';

export function DataPanel() {
  const data = useFrame((s) => s.data);
  const changedList = useFrame((s) => s.frame.changed);
  const run = useFrame((s) => s.frame.run);
  const phase = useRun((s) => s.phase);
  const changed = useMemo(() => new Set(changedList), [changedList]);
  const title = phase === 'idle' ? 'starting data' : run ? `after step run at t = ${(run.t / 1000).toFixed(1)} s` : 'before the first step';
  return (
    <section className="panel" aria-label="Data" data-testid="data-panel">
      <div className="panel-title">Data <span style={{ textTransform: 'none' }}>· {title}</span></div>
      <div className="panel-body">
        <JsonTree value={data} changed={changed} />
      </div>
    </section>
  );
}
