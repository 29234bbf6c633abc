// task.visualize output: `data` as a JSON tree, `table` as a table, `chart` as a bar chart.
import type { Json } from '../../engine/types.ts';
import { JsonTree } from '../data/JsonTree.tsx';
import { useSession } from '../../state/currentSession.ts';

const NONE = new Set<string>();

export function VisualizePanel() {
  const events = useSession((s) => s.events);
  const items = events.flatMap((e) => (e.kind === 'visualize' ? [e] : []));
  if (items.length === 0) return <p className="empty">Steps that call task.visualize(…) show their output here.</p>;
  return (
    <div className="visualize-panel">
      {items.map((item) => (
        <section key={item.seq} className="viz" data-testid="visualization">
          <h5>
            {item.name || 'untitled'}{' '}
            <span className="muted mono">
              ({item.type}, t = {(item.t / 1000).toFixed(3)} s, {item.task})
            </span>
          </h5>
          {item.type === 'table' ? (
            <Table data={item.data} />
          ) : item.type === 'chart' ? (
            <Chart data={item.data} />
          ) : (
            <JsonTree value={item.data} changed={NONE} />
          )}
        </section>
      ))}
    </div>
  );
}

function Table({ data }: { data: Json }) {
  const rows = Array.isArray(data) ? data : data && typeof data === 'object' ? Object.entries(data).map(([key, value]) => ({ key, value })) : [];
  const columns = [...new Set(rows.flatMap((row) => (row && typeof row === 'object' && !Array.isArray(row) ? Object.keys(row) : ['value'])))];
  return (
    <table className="viz-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map((c) => {
              const cell = row && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, Json>)[c] : row;
              return (
                <td key={c} className="mono">
                  {typeof cell === 'string' ? cell : JSON.stringify(cell)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Bars from an array of numbers, of { label, value }, or an object of label → number. */
function Chart({ data }: { data: Json }) {
  const points: { label: string; value: number }[] = Array.isArray(data)
    ? data.map((d, i) =>
        typeof d === 'number'
          ? { label: String(i), value: d }
          : { label: String((d as Record<string, Json>)?.label ?? i), value: Number((d as Record<string, Json>)?.value ?? 0) },
      )
    : data && typeof data === 'object'
      ? Object.entries(data).map(([label, value]) => ({ label, value: Number(value) }))
      : [];
  const max = Math.max(1, ...points.map((p) => p.value));
  const bar = 26;
  return (
    <svg width={Math.max(200, points.length * (bar + 8) + 20)} height={150} role="img" aria-label="Chart">
      {points.map((p, i) => {
        const h = (Math.max(0, p.value) / max) * 100;
        return (
          <g key={i} transform={`translate(${10 + i * (bar + 8)}, 0)`}>
            <rect x={0} y={115 - h} width={bar} height={h} className="chart-bar">
              <title>{`${p.label}: ${p.value}`}</title>
            </rect>
            <text x={bar / 2} y={130} textAnchor="middle" className="chart-label">
              {p.label.slice(0, 6)}
            </text>
            <text x={bar / 2} y={110 - h} textAnchor="middle" className="chart-label">
              {p.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
