import { LearningItem } from '../components/learning-item';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { Async, Empty } from '../components/states';
import { withQuery } from '../lib/api';
import { dayOf } from '../lib/format';
import { hrefWith, intParam } from '../lib/route';
import type { Learning, ListPage } from '../lib/types';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

const LIMIT = 30;
const types: Array<[string, string]> = [
  ['', 'all'],
  ['failure', 'failures'],
  ['success', 'successes'],
  ['observation', 'observations'],
  ['experiment', 'experiments'],
];

function byDay(items: Learning[]): Array<[string, Learning[]]> {
  const days = new Map<string, Learning[]>();
  for (const item of items) {
    const day = dayOf(item.created_at);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days];
}

export default function Learnings({ route }: ViewProps) {
  const type = route.query.get('type') ?? '';
  const offset = intParam(route, 'offset', 0);
  const list = useApi<ListPage<Learning>>(withQuery('/api/learnings', { type, limit: LIMIT, offset }));
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader title="Learnings" lead="Failures, successes and observations, newest first." />
      <nav class="segmented" aria-label="Type">
        {types.map(([t, label]) => (
          <a
            key={t}
            class="button small"
            href={hrefWith(route, { type: t, offset: null })}
            aria-current={t === type ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      <Async state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Nothing recorded{type ? ` of type ${type}` : ''} yet.</Empty>
          ) : (
            <>
              <div class="timeline" id="learnings-timeline">
                {byDay(page.items).map(([day, items]) => (
                  <section key={day} class="timeline-day" aria-label={day}>
                    <h2 class="timeline-date">
                      <time dateTime={day}>{day}</time>
                    </h2>
                    <ol class="learning-list">
                      {items.map((learning) => (
                        <li key={learning.id}>
                          <LearningItem learning={learning} showDate={false} />
                        </li>
                      ))}
                    </ol>
                  </section>
                ))}
              </div>
              <Pager route={route} total={page.total} limit={page.limit} offset={page.offset} label="Learnings" />
            </>
          )
        }
      </Async>
    </section>
  );
}
