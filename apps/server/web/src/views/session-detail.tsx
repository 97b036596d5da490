import { PageHeader } from '../components/page-header';
import { InjectionTable, SessionFields, SessionSummaries, ToolTable } from '../components/session-parts';
import { Async, Empty } from '../components/states';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

type Raw = Record<string, unknown>;

interface Detail {
  session: Raw;
  summary?: unknown;
  injections?: Raw[];
  tools?: Raw[];
}

export default function SessionDetail({ route }: ViewProps) {
  const id = route.path[1] ?? '';
  const detail = useApi<Detail>(`/api/sessions/${encodeURIComponent(id)}`);
  return (
    <section class="view" aria-labelledby="view-title">
      <p class="breadcrumb">
        <a href="#/sessions">← Sessions</a>
      </p>
      <PageHeader title={`Session ${id}`} />
      <Async state={detail}>
        {(data) => (
          <>
            <section class="panel" aria-labelledby="summary-title">
              <h2 id="summary-title">Summary</h2>
              <SessionSummaries session={data.session} summary={data.summary} />
            </section>
            <section class="panel" aria-labelledby="injections-title">
              <h2 id="injections-title">What it was shown</h2>
              {(data.injections ?? []).length === 0 ? (
                <Empty>Nothing was injected.</Empty>
              ) : (
                <InjectionTable rows={data.injections ?? []} />
              )}
            </section>
            {data.tools && data.tools.length > 0 && (
              <section class="panel" aria-labelledby="tools-title">
                <h2 id="tools-title">Tools</h2>
                <ToolTable rows={data.tools} />
              </section>
            )}
            <section class="panel" aria-labelledby="session-title">
              <h2 id="session-title">Details</h2>
              <SessionFields session={data.session} />
            </section>
          </>
        )}
      </Async>
    </section>
  );
}
