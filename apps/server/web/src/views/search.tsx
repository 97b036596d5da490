import { PageHeader } from '../components/page-header';
import { Snippet } from '../components/snippet';
import { Async, Empty } from '../components/states';
import { withQuery } from '../lib/api';
import { formatTime } from '../lib/format';
import { hrefWith } from '../lib/route';
import type { SearchHit, SearchResult } from '../lib/types-more';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

const kindTitles: Record<string, string> = {
  heuristic: 'Heuristics',
  learning: 'Learnings',
  decision: 'Decisions',
  spike_report: 'Spike reports',
};

const link = (hit: SearchHit) => (hit.kind === 'heuristic' ? `#/heuristics/${hit.id}` : undefined);

function groups(hits: SearchHit[]): Array<[string, SearchHit[]]> {
  const byKind = new Map<string, SearchHit[]>();
  for (const hit of hits) byKind.set(hit.kind, [...(byKind.get(hit.kind) ?? []), hit]);
  return [...byKind];
}

function Hit({ hit }: { hit: SearchHit }) {
  const target = link(hit);
  return (
    <li class="hit" data-kind={hit.kind} data-id={hit.id}>
      <h3 class="hit-title">{target ? <a href={target}>{hit.title}</a> : hit.title}</h3>
      <p class="hit-snippet">
        <Snippet text={hit.snippet} />
      </p>
      <p class="meta">
        <span>#{hit.id}</span>
        {hit.domain && <span>{hit.domain}</span>}
        {hit.detail && <span>{hit.detail}</span>}
        {hit.retired && <span class="badge status-retracted">{hit.retired}</span>}
        <span>{formatTime(hit.created_at)}</span>
      </p>
    </li>
  );
}

export default function Search({ route }: ViewProps) {
  const q = (route.query.get('q') ?? '').trim();
  const kind = route.query.get('kinds') ?? '';
  const result = useApi<SearchResult>(q === '' ? null : withQuery('/api/search', { q, kinds: kind, limit: 50 }));
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader
        title="Search"
        lead={q ? `Results for “${q}”` : 'Type in the search box above (press / to get there).'}
      />
      <nav class="segmented" aria-label="Kinds">
        {['', ...Object.keys(kindTitles)].map((k) => (
          <a
            key={k}
            class="button small"
            href={hrefWith(route, { kinds: k })}
            aria-current={k === kind ? 'page' : undefined}
          >
            {k === '' ? 'everything' : kindTitles[k]}
          </a>
        ))}
      </nav>
      {q === '' ? (
        <Empty>Search learnings, heuristics, decisions and spike reports by their words.</Empty>
      ) : (
        <Async state={result}>
          {(data) =>
            data.hits.length === 0 ? (
              <Empty>Nothing matches “{q}”.</Empty>
            ) : (
              <div id="search-results">
                {groups(data.hits).map(([k, hits]) => (
                  <section key={k} class="panel" aria-labelledby={`kind-${k}`}>
                    <h2 id={`kind-${k}`}>
                      {kindTitles[k] ?? k} <span class="count">{hits.length}</span>
                    </h2>
                    <ol class="hit-list">
                      {hits.map((hit) => (
                        <Hit key={`${hit.kind}-${hit.id}`} hit={hit} />
                      ))}
                    </ol>
                  </section>
                ))}
              </div>
            )
          }
        </Async>
      )}
    </section>
  );
}
