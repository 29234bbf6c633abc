// The coverage overlay on a step node: how often the step ran over the covered runs, and on each
// condition chip whether its leaf was seen only true, only false, or both.
import type { LeafCoverage, StepCoverage } from '../../engine/coverage.ts';
import { Glyph } from '../app/Glyph.tsx';

export function CoverageLine({ coverage }: { coverage: StepCoverage }) {
  if (coverage.runs === 0) {
    return (
      <div className="coverage-line never" data-testid="coverage-never">
        <Glyph>⊘</Glyph> never ran
      </div>
    );
  }
  return <div className="coverage-line">ran {coverage.runs}× in covered runs</div>;
}

/** `only true` / `only false` when a leaf was never seen the other way while its step was evaluated. */
export function leafGap(leaf: LeafCoverage | undefined): 'never-true' | 'never-false' | 'never-evaluated' | null {
  if (!leaf) return null;
  if (leaf.t === 0 && leaf.f === 0) return 'never-evaluated';
  if (leaf.t === 0) return 'never-true';
  if (leaf.f === 0) return 'never-false';
  return null;
}

const GAP_TEXT = { 'never-true': 'never true', 'never-false': 'never false', 'never-evaluated': 'never evaluated' };

export function CoverageChip({ text, leaf }: { text: string; leaf: LeafCoverage | undefined }) {
  const gap = leafGap(leaf);
  const title = leaf ? `${text} — seen true ${leaf.t}×, false ${leaf.f}×${gap ? ` (${GAP_TEXT[gap]})` : ''}` : text;
  return (
    <span className="chip" data-gap={gap ?? undefined} title={title}>
      {text}
      {gap && <span className="chip-gap"> · {GAP_TEXT[gap]}</span>}
    </span>
  );
}
