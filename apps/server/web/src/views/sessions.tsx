import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { Async, Empty } from '../components/states';
import { withQuery } from '../lib/api';
import { formatTime } from '../lib/format';
import { sessionOf } from '../lib/normalize';
import { intParam } from '../lib/route';
import type { ListPage } from '../lib/types';
import type { SessionItem } from '../lib/types-more';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

const LIMIT = 25;

const toolCount = (tools: SessionItem['tools']): string =>
  tools == null
    ? '—'
    : typeof tools === 'number'
      ? String(tools)
      : String(Object.values(tools).reduce((a, b) => a + b, 0));

export default function Sessions({ route }: ViewProps) {
  const offset = intParam(route, 'offset', 0);
  const list = useApi<ListPage<Record<string, unknown>>>(withQuery('/api/sessions', { limit: LIMIT, offset }));
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader title="Sessions" lead="Agent sessions the hooks saw, each with a summary." />
      <Async state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No sessions yet. They appear once agents run with ELF's hooks.</Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table class="data-table" id="sessions-table">
                  <caption class="visually-hidden">Sessions</caption>
                  <thead>
                    <tr>
                      <th scope="col">Session</th>
                      <th scope="col">Started</th>
                      <th scope="col">Ended</th>
                      <th scope="col">Project</th>
                      <th scope="col" class="num">
                        Tools
                      </th>
                      <th scope="col" class="num">
                        Failures
                      </th>
                      <th scope="col">Summary</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map(sessionOf).map((s) => (
                      <tr key={s.sessionId}>
                        <td class="mono nowrap">
                          <a href={`#/sessions/${encodeURIComponent(s.sessionId)}`}>{s.sessionId}</a>
                        </td>
                        <td class="when">{formatTime(s.startedAt)}</td>
                        <td class="when">{formatTime(s.endedAt)}</td>
                        <td class="mono">{s.project ?? '—'}</td>
                        <td class="num">{toolCount(s.tools)}</td>
                        <td class="num">{s.failures}</td>
                        <td>{s.summary ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager route={route} total={page.total} limit={page.limit} offset={page.offset} label="Sessions" />
            </>
          )
        }
      </Async>
    </section>
  );
}
