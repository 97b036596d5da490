import { LearningItem } from '../components/learning-item';
import { PageHeader } from '../components/page-header';
import { StatCards } from '../components/stat-cards';
import { Async, Empty } from '../components/states';
import { VelocityChart } from '../components/velocity-chart';
import { withQuery } from '../lib/api';
import { hrefWith } from '../lib/route';
import type { Learning, ListPage, Statistics, Velocity } from '../lib/types';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

export default function Overview({ route }: ViewProps) {
  const period = route.query.get('period') === 'weekly' ? 'weekly' : 'daily';
  const stats = useApi<{ stats: Statistics; generatedAt: string }>('/api/stats');
  const velocity = useApi<Velocity>(`/api/velocity?days=${period === 'weekly' ? 182 : 30}`);
  const failures = useApi<ListPage<Learning>>(withQuery('/api/learnings', { type: 'failure', limit: 10 }));
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader title="Overview" lead="What your agents have learned, and how fast." />
      <Async state={stats}>{(data) => <StatCards stats={data.stats} />}</Async>
      <section class="panel" aria-labelledby="velocity-title">
        <header class="panel-head">
          <h2 id="velocity-title">
            Learning velocity <span class="count">{period === 'weekly' ? 'last 26 weeks' : 'last 30 days'}</span>
          </h2>
          <nav class="segmented" aria-label="Period">
            <a
              href={hrefWith(route, { period: null })}
              class="button small"
              aria-current={period === 'daily' ? 'true' : undefined}
            >
              Daily
            </a>
            <a
              href={hrefWith(route, { period: 'weekly' })}
              class="button small"
              aria-current={period === 'weekly' ? 'true' : undefined}
            >
              Weekly
            </a>
          </nav>
        </header>
        <Async state={velocity}>{(data) => <VelocityChart velocity={data} period={period} />}</Async>
      </section>
      <section class="panel" aria-labelledby="failures-title">
        <header class="panel-head">
          <h2 id="failures-title">Recent failures</h2>
          <a href="#/learnings?type=failure">All failures →</a>
        </header>
        <Async state={failures}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No failures recorded. Good news, or nothing captured yet.</Empty>
            ) : (
              <ol class="learning-list" id="recent-failures">
                {page.items.map((learning) => (
                  <li key={learning.id}>
                    <LearningItem learning={learning} />
                  </li>
                ))}
              </ol>
            )
          }
        </Async>
      </section>
    </section>
  );
}
