// A collapsible JSON tree. Paths changed by the step at the cursor are highlighted.
import { useState } from 'react';
import type { Json } from '../../engine/types.ts';

interface Props {
  value: Json;
  changed: ReadonlySet<string>;
  /** Shows only entries whose key or value contains this text (and their ancestors). */
  query?: string;
  onPin?(path: string): void;
  /** Paths a hovered step's condition reads, with whether each leaf passes. */
  reads?: ReadonlyMap<string, boolean>;
  /** Paths a hovered step wrote during the run. */
  writes?: ReadonlySet<string>;
  /** Paths a lesson stop points at. */
  spotlight?: ReadonlySet<string>;
}

interface Shared {
  changed: ReadonlySet<string>;
  query: string;
  onPin?(path: string): void;
  reads?: ReadonlyMap<string, boolean>;
  writes?: ReadonlySet<string>;
  spotlight?: ReadonlySet<string>;
}

export function JsonTree({ value, changed, query = '', onPin, reads, writes, spotlight }: Props) {
  const shared = { changed, query: query.trim().toLowerCase(), onPin, reads, writes, spotlight };
  return (
    <div className="json-tree" aria-label="Task data">
      {value !== null && typeof value === 'object' ? <Children value={value} path="" shared={shared} /> : <Scalar value={value} />}
    </div>
  );
}

/** Whether a key or anything below it mentions the query. */
function mentions(key: string, value: Json, query: string): boolean {
  if (!query || key.toLowerCase().includes(query)) return true;
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => mentions(k, v, query));
  return String(value).toLowerCase().includes(query);
}

function Children({ value, path, shared }: { value: Json[] | { [k: string]: Json }; path: string; shared: Shared }) {
  const entries = (Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)).filter(([k, v]) =>
    mentions(k, v, shared.query),
  );
  if (entries.length === 0)
    return (
      <ul>
        <li className="row">
          <span className="lit">{Array.isArray(value) ? '[]' : '{}'}</span>
        </li>
      </ul>
    );
  return (
    <ul>
      {entries.map(([key, child]) => (
        <Entry key={key} name={key} value={child} path={path ? `${path}.${key}` : key} shared={shared} />
      ))}
    </ul>
  );
}

function Entry({ name, value, path, shared }: { name: string; value: Json; path: string; shared: Shared }) {
  const { changed, query, onPin, reads, writes, spotlight } = shared;
  const read = reads?.get(path);
  const marks = `${read === true ? ' read-pass' : read === false ? ' read-fail' : ''}${writes?.has(path) ? ' written' : ''}${spotlight?.has(path) ? ' spotlight' : ''}`;
  const [open, setOpen] = useState(path.split('.').length < 4);
  const isChanged = changed.has(path);
  const hit =
    query !== '' && (name.toLowerCase().includes(query) || (!(value !== null && typeof value === 'object') && String(value).toLowerCase().includes(query)));
  const container = value !== null && typeof value === 'object';
  const size = container ? (Array.isArray(value) ? `[${value.length}]` : `{${Object.keys(value).length}}`) : '';
  return (
    <li data-path={path}>
      <div className={`row${isChanged ? ' changed' : ''}${hit ? ' hit' : ''}${marks}`}>
        {container ? (
          <button className="toggle" onClick={() => setOpen(!open)} aria-expanded={open} aria-label={open ? `Collapse ${path}` : `Expand ${path}`}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="toggle" />
        )}
        {onPin ? (
          <button className="key link" onClick={() => onPin(path)} title={`Pin ${path} to see its history`}>
            {name}
          </button>
        ) : (
          <span className="key">{name}</span>
        )}
        :{container ? <span className="lit">{size}</span> : <Scalar value={value} />}
        {isChanged && <span className="changed-tag">← changed</span>}
      </div>
      {container && (open || query !== '') && <Children value={value} path={path} shared={shared} />}
    </li>
  );
}

function Scalar({ value }: { value: Json }) {
  if (typeof value === 'string')
    return (
      <span className="str" data-value>
        {JSON.stringify(value)}
      </span>
    );
  if (typeof value === 'number')
    return (
      <span className="num" data-value>
        {value}
      </span>
    );
  return (
    <span className="lit" data-value>
      {String(value)}
    </span>
  );
}
