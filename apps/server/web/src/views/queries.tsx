import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { Async, Empty } from '../components/states';
import { withQuery } from '../lib/api';
import { formatMs, formatTime } from '../lib/format';
import { slowQueryOf } from '../lib/normalize';
import { href, intParam, navigate } from '../lib/route';
import type { ListPage } from '../lib/types';
import { useApi } from '../lib/use-api';
import { useFields } from '../lib/use-fields';
import type { ViewProps } from './registry';

const LIMIT = 50;

export default function Queries({ route }: ViewProps) {
  const minMs = route.query.get('minMs') ?? '';
  const offset = intParam(route, 'offset', 0);
  const list = useApi<ListPage<Record<string, unknown>>>(
    withQuery('/api/queries/slow', { minMs, limit: LIMIT, offset }),
  );
  // A number field cannot hold anything else: a bad value from the URL shows as empty (the error says why).
  const { fields, set } = useFields({ minMs: /^\d+$/.test(minMs) ? minMs : '' });
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader title="Slow queries" lead="ELF's own queries (context builds, searches, hooks), slowest first." />
      <form
        class="filters"
        aria-label="Filter queries"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href('queries', { minMs: fields.minMs }));
        }}
      >
        <label>
          <span>At least (ms)</span>
          <input
            name="minMs"
            type="number"
            min={0}
            step={1}
            value={fields.minMs}
            onInput={set('minMs')}
            placeholder="0"
          />
        </label>
        <div class="filter-buttons">
          <button type="submit" class="button primary">
            Apply
          </button>
        </div>
      </form>
      <Async state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No queries recorded{minMs ? ` slower than ${minMs} ms` : ''}.</Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table class="data-table" id="queries-table">
                  <caption class="visually-hidden">Slow queries</caption>
                  <thead>
                    <tr>
                      <th scope="col" class="num">
                        Duration
                      </th>
                      <th scope="col">Type</th>
                      <th scope="col">Summary</th>
                      <th scope="col" class="num">
                        Results
                      </th>
                      <th scope="col">When</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map(slowQueryOf).map((q) => (
                      <tr key={q.id}>
                        <td class="num">{formatMs(q.durationMs)}</td>
                        <td>{q.type}</td>
                        <td class="mono">{q.summary ?? '—'}</td>
                        <td class="num">{q.results ?? '—'}</td>
                        <td class="when">{formatTime(q.at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager route={route} total={page.total} limit={page.limit} offset={page.offset} label="Queries" />
            </>
          )
        }
      </Async>
    </section>
  );
}
