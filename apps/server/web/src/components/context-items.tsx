import type { ContextTier, ExplainedCandidate } from '../lib/types-more';

/** The placed items by tier, with their scores. */
export function ContextTiers({ tiers }: { tiers: ContextTier[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table" id="context-items">
        <caption class="visually-hidden">Items in the context</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Kind</th>
            <th scope="col">#</th>
            <th scope="col">Score</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {tiers.flatMap((tier) =>
            tier.items.map((item) => (
              <tr key={`${tier.tier}-${item.kind}-${item.id}`}>
                <td class="nowrap">{tier.title ?? `tier ${tier.tier}`}</td>
                <td>{item.kind}</td>
                <td class="num">{item.id}</td>
                <td class="num">{item.score.toFixed(3)}</td>
                <td>{item.text}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Every candidate's fate: included, or left out and why. */
export function ContextExplained({ candidates }: { candidates: ExplainedCandidate[] }) {
  return (
    <details class="explained">
      <summary>All {candidates.length} candidates, with why</summary>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">#</th>
              <th scope="col">Score</th>
              <th scope="col">Fate</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={`${c.kind}-${c.id}`} class={c.included ? '' : 'left-out'}>
                <td>{c.kind}</td>
                <td class="num">{c.id}</td>
                <td class="num">{c.score.toFixed(3)}</td>
                <td>{c.included ? 'included' : (c.reason ?? 'left out')}</td>
                <td class="why">{c.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
