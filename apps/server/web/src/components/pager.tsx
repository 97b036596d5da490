import { formatCount } from '../lib/format';
import { hrefWith, type Route } from '../lib/route';

interface PagerProps {
  route: Route;
  total: number;
  limit: number;
  offset: number;
  label: string;
}

/** "51–100 of 234" with previous/next links that keep the rest of the URL's state. */
export function Pager({ route, total, limit, offset, label }: PagerProps) {
  if (total === 0) return null;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  const previous = Math.max(0, offset - limit);
  const hasPrevious = offset > 0;
  const hasNext = offset + limit < total;
  const range = (
    <span class="pager-range">
      {formatCount(first)}–{formatCount(last)} of <strong>{formatCount(total)}</strong>
    </span>
  );
  if (!hasPrevious && !hasNext) return <p class="pager">{range}</p>;
  return (
    <nav class="pager" aria-label={`${label} pages`}>
      {range}
      {hasPrevious ? (
        <a class="button small" href={hrefWith(route, { offset: previous || null })} rel="prev">
          ← Previous
        </a>
      ) : (
        <span class="button small disabled" aria-disabled="true">
          ← Previous
        </span>
      )}
      {hasNext ? (
        <a class="button small" href={hrefWith(route, { offset: offset + limit })} rel="next">
          Next →
        </a>
      ) : (
        <span class="button small disabled" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
