import { HeuristicFilters } from '../components/heuristic-filters';
import { HeuristicTable } from '../components/heuristic-table';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { Async, Empty } from '../components/states';
import { withQuery } from '../lib/api';
import { intParam } from '../lib/route';
import type { Heuristic, ListPage, Statistics } from '../lib/types';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

const LIMIT = 25;

export default function Heuristics({ route }: ViewProps) {
  const q = route.query;
  const offset = intParam(route, 'offset', 0);
  const list = useApi<ListPage<Heuristic>>(
    withQuery('/api/heuristics', {
      status: q.get('status') ?? 'active',
      domain: q.get('domain'),
      golden: q.get('golden'),
      q: q.get('q'),
      limit: LIMIT,
      offset,
    }),
  );
  const stats = useApi<{ stats: Statistics }>('/api/stats');
  const domains = Object.keys(stats.data?.stats.heuristics_by_domain ?? {}).sort();
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader
        title="Heuristics"
        lead="Rules of thumb with a confidence that moves as agents follow or break them."
      />
      <HeuristicFilters route={route} domains={domains} />
      <Async state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No heuristics match these filters.</Empty>
          ) : (
            <>
              <HeuristicTable items={page.items} onChanged={list.reload} />
              <Pager route={route} total={page.total} limit={page.limit} offset={page.offset} label="Heuristics" />
            </>
          )
        }
      </Async>
    </section>
  );
}
