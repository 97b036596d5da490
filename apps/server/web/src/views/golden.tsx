import { ConfidenceBar } from '../components/confidence-bar';
import { HeuristicActions } from '../components/heuristic-actions';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { Async, Empty } from '../components/states';
import { withQuery } from '../lib/api';
import { intParam } from '../lib/route';
import type { Heuristic, ListPage } from '../lib/types';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

const LIMIT = 50;

function GoldenRule({ rule, onChanged }: { rule: Heuristic; onChanged: () => void }) {
  return (
    <li class="golden-rule" data-heuristic-id={rule.id}>
      <span class="golden-star" aria-hidden="true">
        ★
      </span>
      <div class="golden-body">
        <a class="golden-text" href={`#/heuristics/${rule.id}`}>
          {rule.rule}
        </a>
        <p class="meta">
          <span>#{rule.id}</span>
          <span>{rule.domain}</span>
          {rule.category && <span>{rule.category}</span>}
          <span>
            {rule.times_validated} validated, {rule.times_violated} violated
          </span>
          <ConfidenceBar value={rule.confidence} />
        </p>
      </div>
      <HeuristicActions heuristic={rule} onDone={onChanged} />
    </li>
  );
}

export default function Golden({ route }: ViewProps) {
  const offset = intParam(route, 'offset', 0);
  const list = useApi<ListPage<Heuristic>>(withQuery('/api/golden-rules', { limit: LIMIT, offset }));
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader title="Golden rules" lead="Promoted heuristics: every agent gets these, whatever the task." />
      <Async state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No golden rules. Promote a heuristic that keeps proving itself.</Empty>
          ) : (
            <>
              <ol class="golden-list" id="golden-list">
                {page.items.map((rule) => (
                  <GoldenRule key={rule.id} rule={rule} onChanged={list.reload} />
                ))}
              </ol>
              <Pager route={route} total={page.total} limit={page.limit} offset={page.offset} label="Golden rules" />
            </>
          )
        }
      </Async>
    </section>
  );
}
