// A collapsible JSON tree. Paths changed by the step at the cursor are highlighted.
import { memo, useState } from 'react';
import type { Json } from '../../engine/types.ts';

interface Props {
  value: Json;
  changed: ReadonlySet<string>;
}

export function JsonTree({ value, changed }: Props) {
  return (
    <div className="json-tree" role="tree" aria-label="Task data">
      {value !== null && typeof value === 'object' ? (
        <Children value={value} path="" changed={changed} />
      ) : (
        <Scalar value={value} />
      )}
    </div>
  );
}

const Children = memo(function Children({ value, path, changed }: { value: Json[] | { [k: string]: Json }; path: string; changed: ReadonlySet<string> }) {
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return <ul><li className="row"><span className="lit">{Array.isArray(value) ? '[]' : '{}'}</span></li></ul>;
  return (
    <ul>
      {entries.map(([key, child]) => (
        <Entry key={key} name={key} value={child} path={path ? `${path}.${key}` : key} changed={changed} />
      ))}
    </ul>
  );
});

function Entry({ name, value, path, changed }: { name: string; value: Json; path: string; changed: ReadonlySet<string> }) {
  const [open, setOpen] = useState(path.split('.').length < 4);
  const isChanged = changed.has(path);
  const container = value !== null && typeof value === 'object';
  const size = container ? (Array.isArray(value) ? `[${value.length}]` : `{${Object.keys(value).length}}`) : '';
  return (
    <li role="treeitem" aria-expanded={container ? open : undefined} data-path={path}>
      <div className={`row${isChanged ? ' changed' : ''}`}>
        {container ? (
          <button className="toggle" onClick={() => setOpen(!open)} aria-label={open ? `Collapse ${path}` : `Expand ${path}`}>{open ? '▾' : '▸'}</button>
        ) : (
          <span className="toggle" />
        )}
        <span className="key">{name}</span>:
        {container ? <span className="lit">{size}</span> : <Scalar value={value} />}
        {isChanged && <span className="changed-tag">← changed</span>}
      </div>
      {container && open && <Children value={value} path={path} changed={changed} />}
    </li>
  );
}

function Scalar({ value }: { value: Json }) {
  if (typeof value === 'string') return <span className="str" data-value>{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="num" data-value>{value}</span>;
  return <span className="lit" data-value>{String(value)}</span>;
}
