import { ContextForm, DEFAULT_BUDGET } from '../components/context-form';
import { ContextExplained, ContextTiers } from '../components/context-items';
import { PageHeader } from '../components/page-header';
import { Async, Empty } from '../components/states';
import { withQuery } from '../lib/api';
import { formatCount } from '../lib/format';
import { contextOf } from '../lib/normalize';
import { useApi } from '../lib/use-api';
import type { ViewProps } from './registry';

function Budget({ tokens, budget }: { tokens: number; budget: number }) {
  return (
    <p class="budget" id="context-budget">
      <meter
        min={0}
        max={budget}
        high={budget * 0.9}
        optimum={0}
        value={tokens}
        aria-label="tokens used of the budget"
      />
      <span>
        <strong>{formatCount(tokens)}</strong> of {formatCount(budget)} tokens
      </span>
    </p>
  );
}

export default function Context({ route }: ViewProps) {
  const q = route.query;
  const task = q.get('task') ?? '';
  const url =
    task === ''
      ? null
      : withQuery('/api/context', {
          task,
          budget: q.get('budget') ?? DEFAULT_BUDGET,
          domain: q.get('domain'),
          explain: 1,
        });
  const preview = useApi<Record<string, unknown>>(url);
  return (
    <section class="view" aria-labelledby="view-title">
      <PageHeader title="Context preview" lead="What an agent would be given for a task, within a token budget." />
      <ContextForm route={route} />
      {url === null ? (
        <Empty>Describe a task to see the context ELF would inject for it.</Empty>
      ) : (
        <Async state={preview}>
          {(raw) => {
            const data = contextOf(raw);
            return (
              <div class="context-result">
                <Budget tokens={data.tokens} budget={data.budget} />
                <section class="panel" aria-labelledby="rendered-title">
                  <h2 id="rendered-title">Rendered</h2>
                  {data.text === '' ? (
                    <Empty>Nothing to inject.</Empty>
                  ) : (
                    <pre class="context-text" id="context-text">
                      {data.text}
                    </pre>
                  )}
                </section>
                <section class="panel" aria-labelledby="items-title">
                  <h2 id="items-title">Items and scores</h2>
                  <ContextTiers tiers={data.tiers} />
                  {data.explained && data.explained.length > 0 && <ContextExplained candidates={data.explained} />}
                </section>
              </div>
            );
          }}
        </Async>
      )}
    </section>
  );
}
