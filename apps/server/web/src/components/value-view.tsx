import { formatTime } from '../lib/format';

const isTime = (key: string, value: unknown) =>
  typeof value === 'string' && /(At|_at)$/.test(key) && !Number.isNaN(Date.parse(value));

/** A plain object the dashboard has no special view for, as a list of its fields. */
export function ValueView({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span class="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span class="muted">none</span>;
    if (value.every((v) => typeof v !== 'object' || v === null)) return <span>{value.join(', ')}</span>;
    return (
      <ol class="value-list">
        {value.map((item, i) => (
          <li key={i}>
            <ValueView value={item} />
          </li>
        ))}
      </ol>
    );
  }
  const entries = typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
  if (entries.length > 0 && entries.every(([, v]) => typeof v === 'number')) {
    // A count per name (`{ Bash: 2, Edit: 1 }`): one line.
    return <span>{entries.map(([k, v]) => `${k} ${v}`).join(' · ')}</span>;
  }
  if (typeof value === 'object') {
    return (
      <dl class="facts">
        {Object.entries(value as Record<string, unknown>).map(([key, v]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{isTime(key, v) ? formatTime(v as string) : <ValueView value={v} />}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
