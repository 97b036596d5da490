import type { ComponentChildren } from 'preact';
import { ConfidenceBar } from '../components/confidence-bar';
import { ConfidenceHistory } from '../components/confidence-history';
import { HeuristicActions } from '../components/heuristic-actions';
import { PageHeader } from '../components/page-header';
import { Async } from '../components/states';
import { formatTime } from '../lib/format';
import type { Heuristic, HistoryEntry } from '../lib/types';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

interface Detail {
  heuristic: Heuristic;
  history: HistoryEntry[];
}

function Facts({ h }: { h: Heuristic }) {
  const rows: Array<[string, ComponentChildren]> = [
    ['Domain', h.domain],
    ['Confidence', <ConfidenceBar key="c" value={h.confidence} />],
    ['Status', `${h.status}${h.status_reason ? ` (${h.status_reason})` : ''}`],
    ['Golden rule', h.is_golden ? `yes${h.category ? `, ${h.category}` : ''}` : 'no'],
    ['Validated / violated', `${h.times_validated} / ${h.times_violated}`],
    ['Consulted', String(h.times_consulted)],
    ['Scope', h.project_path ?? 'every project'],
    ['Source', h.source_type],
    ['Created', formatTime(h.created_at)],
    ['Last used', formatTime(h.last_used_at)],
  ];
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function HeuristicDetail({ route }: ViewProps) {
  const id = route.path[1] ?? '';
  const detail = useApi<Detail>(`/api/heuristics/${encodeURIComponent(id)}`);
  return (
    <section class="view" aria-labelledby="view-title">
      <p class="breadcrumb">
        <a href="#/heuristics">← Heuristics</a>
      </p>
      <PageHeader title={`Heuristic #${id}`} />
      <Async state={detail}>
        {({ heuristic, history }) => (
          <>
            <section class="panel">
              <p class="rule-text">{heuristic.rule}</p>
              {heuristic.explanation && <p class="muted">{heuristic.explanation}</p>}
              <Facts h={heuristic} />
              <HeuristicActions heuristic={heuristic} onDone={detail.reload} />
            </section>
            <section class="panel" aria-labelledby="history-title">
              <h2 id="history-title">Confidence history</h2>
              <ConfidenceHistory history={history} />
            </section>
          </>
        )}
      </Async>
    </section>
  );
}
