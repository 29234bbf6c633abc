// A collapsible JSON tree. Paths changed by the step at the cursor are highlighted. A container
// shows its first PAGE entries and a button for more: 5,000 rows drawn whole were 155,000
// elements, and opening such a document froze the tab for seconds.
import { useMemo, useState } from 'react';
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

/** Entries a container shows before "Show more", and how many more each press shows. */
export const PAGE = 100;

interface Shared {
  changed: ReadonlySet<string>;
  /** Every changed path and its ancestors: entries on them show even past PAGE, and start open. */
  towardChanges: ReadonlySet<string>;
  query: string;
  onPin?(path: string): void;
  reads?: ReadonlyMap<string, boolean>;
  writes?: ReadonlySet<string>;
  spotlight?: ReadonlySet<string>;
}

export function JsonTree({ value, changed, query = '', onPin, reads, writes, spotlight }: Props) {
  const towardChanges = useMemo(() => new Set([...changed].flatMap((path) => path.split('.').map((_, i, keys) => keys.slice(0, i + 1).join('.')))), [changed]);
  const shared = { changed, towardChanges, query: query.trim().toLowerCase(), onPin, reads, writes, spotlight };
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
  const [limit, setLimit] = useState(PAGE);
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
  const pathOf = (key: string) => (path ? `${path}.${key}` : key);
  const shown = entries.filter(([key], i) => i < limit || shared.towardChanges.has(pathOf(key)));
  const hidden = entries.length - shown.length;
  // The entries of a long list start closed: their fields would be thousands of rows.
  const startOpen = entries.length <= PAGE;
  return (
    <ul>
      {shown.map(([key, child]) => (
        <Entry key={key} name={key} value={child} path={pathOf(key)} shared={shared} startOpen={startOpen} />
      ))}
      {hidden > 0 && (
        <li className="row">
          <button className="more" onClick={() => setLimit(limit + PAGE)}>
            Show {Math.min(PAGE, hidden)} more ({hidden.toLocaleString('en-US')} not shown)
          </button>
        </li>
      )}
    </ul>
  );
}

function Entry({ name, value, path, shared, startOpen }: { name: string; value: Json; path: string; shared: Shared; startOpen: boolean }) {
  const { changed, query, onPin, reads, writes, spotlight } = shared;
  const read = reads?.get(path);
  const marks = `${read === true ? ' read-pass' : read === false ? ' read-fail' : ''}${writes?.has(path) ? ' written' : ''}${spotlight?.has(path) ? ' spotlight' : ''}`;
  // Until the person toggles it, an entry is open near the top, and on the way to a change at the cursor.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? ((startOpen && path.split('.').length < 4) || shared.towardChanges.has(path));
  const isChanged = changed.has(path);
  const hit =
    query !== '' && (name.toLowerCase().includes(query) || (!(value !== null && typeof value === 'object') && String(value).toLowerCase().includes(query)));
  const container = value !== null && typeof value === 'object';
  const size = container ? (Array.isArray(value) ? `[${value.length}]` : `{${Object.keys(value).length}}`) : '';
  return (
    <li data-path={path}>
      <div className={`row${isChanged ? ' changed' : ''}${hit ? ' hit' : ''}${marks}`}>
        {container ? (
          <button className="toggle" onClick={() => setToggled(!open)} aria-expanded={open} aria-label={open ? `Collapse ${path}` : `Expand ${path}`}>
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
