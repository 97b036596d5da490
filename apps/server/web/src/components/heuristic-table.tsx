import type { Heuristic } from '../lib/types';
import { ConfidenceBar } from './confidence-bar';
import { HeuristicActions } from './heuristic-actions';

/** Heuristics as rows: rule (to its detail), domain, confidence, record, standing, actions. */
export function HeuristicTable({ items, onChanged }: { items: Heuristic[]; onChanged: () => void }) {
  return (
    <div class="table-wrap">
      <table class="data-table" id="heuristics-table">
        <caption class="visually-hidden">Heuristics</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Rule</th>
            <th scope="col">Domain</th>
            <th scope="col">Confidence</th>
            <th scope="col" title="validated / violated">
              ✓ / ✗
            </th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id} data-heuristic-id={h.id}>
              <td class="num">{h.id}</td>
              <td class="rule-cell">
                <a href={`#/heuristics/${h.id}`}>{h.rule}</a>
                {h.is_golden && (
                  <span class="badge golden" title="golden rule">
                    ★ golden
                  </span>
                )}
              </td>
              <td>{h.domain}</td>
              <td>
                <ConfidenceBar value={h.confidence} />
              </td>
              <td class="num">
                {h.times_validated} / {h.times_violated}
              </td>
              <td>
                <span class={`badge status-${h.status}`}>{h.status}</span>
              </td>
              <td>
                <HeuristicActions heuristic={h} onDone={onChanged} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
