import { PageHeader } from '../components/page-header';
import { Async, Empty } from '../components/states';
import { Treemap } from '../components/treemap';
import { withQuery } from '../lib/api';
import { formatCount, formatTime } from '../lib/format';
import { hotspotOf } from '../lib/normalize';
import { hrefWith, intParam } from '../lib/route';
import type { TreeNode } from '../lib/types-more';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

const periods = [7, 30, 90];

export default function Hotspots({ route }: ViewProps) {
  const days = intParam(route, 'days', 30);
  const data = useApi<{ items: Array<Record<string, unknown>>; treemap: TreeNode }>(
    withQuery('/api/hotspots', { days, limit: 100 }),
  );
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader title="Hot spots" lead="The files, commands and searches agents keep coming back to.">
        <nav class="segmented" aria-label="Period">
          {periods.map((d) => (
            <a
              key={d}
              class="button small"
              href={hrefWith(route, { days: d })}
              aria-current={d === days ? 'page' : undefined}
            >
              {d} days
            </a>
          ))}
        </nav>
      </PageHeader>
      <Async state={data}>
        {(hot) =>
          hot.items.length === 0 ? (
            <Empty>No trails in the last {days} days. Agents lay them through the hooks.</Empty>
          ) : (
            <>
              <section class="panel" aria-label="Treemap">
                <Treemap root={hot.treemap} />
              </section>
              <div class="table-wrap">
                <table class="data-table" id="hotspots-table">
                  <caption class="visually-hidden">Hot spots</caption>
                  <thead>
                    <tr>
                      <th scope="col">Location</th>
                      <th scope="col">Type</th>
                      <th scope="col" class="num">
                        Visits
                      </th>
                      <th scope="col" class="num">
                        Strength
                      </th>
                      <th scope="col">Last</th>
                    </tr>
                  </thead>
                  <tbody>
                    {hot.items.map(hotspotOf).map((h) => (
                      <tr key={`${h.locationType}:${h.location}`}>
                        <td class="mono">{h.location}</td>
                        <td>{h.locationType}</td>
                        <td class="num">{formatCount(h.count)}</td>
                        <td class="num">{h.strength}</td>
                        <td class="when">{formatTime(h.lastAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Async>
    </section>
  );
}
