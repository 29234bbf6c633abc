// Which coverage the Coverage panel and the graph overlay show: the Tests view's runs or the
// last exploration's, and whether the graph marks it.
import { create } from 'zustand';
import { summarizeCoverage, type Coverage, type CoverageSummary, type StepCoverage } from '../engine/coverage.ts';
import { useExplore } from './exploreStore.ts';
import { useTests } from './testsStore.ts';

export type CoverageSource = 'tests' | 'explore';

export const useCoverageView = create<{ source: CoverageSource; overlay: boolean }>(() => ({ source: 'tests', overlay: false }));

export const setCoverageSource = (source: CoverageSource) => useCoverageView.setState({ source });
export const setCoverageOverlay = (overlay: boolean) => useCoverageView.setState({ overlay });

/** The coverage of the chosen source, or null when it has not run. */
export function useCoverage(): Coverage | null {
  const source = useCoverageView((s) => s.source);
  const tests = useTests((s) => s.coverage);
  const explored = useExplore((s) => s.result?.coverage ?? null);
  return source === 'tests' ? tests : explored;
}

/** One step's coverage while the graph overlay is on; null otherwise. */
export function useStepCoverage(index: number): StepCoverage | null {
  const overlay = useCoverageView((s) => s.overlay);
  const coverage = useCoverage();
  return overlay && coverage && coverage.runs > 0 ? (coverage.steps[index] ?? null) : null;
}

/** The chosen coverage's totals, or null when nothing has run. */
export function coverageSummary(coverage: Coverage | null): CoverageSummary | null {
  return coverage && coverage.runs > 0 ? summarizeCoverage(coverage) : null;
}
