// A run whose events also feed a coverage record (see coverage.ts), read against the run's live
// data at each evaluation. Tests, Explore and `cli test --coverage` all start runs this way.
import { createCoverageRecorder, type Coverage } from './coverage.ts';
import { createRun, type Run, type RunOptions } from './createRun.ts';
import type { Workspace } from './types.ts';

/** Like createRun; with `coverage` null it is createRun. */
export function createCoveredRun(workspace: Workspace, options: RunOptions, coverage: Coverage | null): Run {
  if (!coverage) return createRun(workspace, options);
  let record: ReturnType<typeof createCoverageRecorder> | null = null;
  const run = createRun(workspace, {
    ...options,
    onEvent(event) {
      record?.(event, (id) => run.dataOf(id));
      options.onEvent?.(event);
    },
  });
  record = createCoverageRecorder(run.steps, coverage);
  return run;
}
