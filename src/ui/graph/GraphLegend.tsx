// The graph's key on one line: a sample of each kind of edge and what it means. At any panel
// width it stays one line (the words give way, the full key is on hover) instead of wrapping.
const KEY = [
  { kind: 'causal', word: 'what happened', title: 'Solid green: this step’s change made the next one match' },
  { kind: 'could', word: 'what could', title: 'Dashed: a step writes a path that another step’s condition reads' },
  { kind: 'focus', word: 'selected step’s', title: 'Blue: every “could” edge of the selected or hovered step' },
] as const;

export function GraphLegend() {
  return (
    <span className="graph-legend" title="solid: what happened · dashed: what could · blue: the selected step’s">
      {KEY.map(({ kind, word, title }) => (
        <span key={kind} className="legend-item" title={title}>
          <svg width="18" height="6" aria-hidden>
            <line x1="0" y1="3" x2="18" y2="3" className={`legend-${kind}`} />
          </svg>
          {word}
        </span>
      ))}
    </span>
  );
}
