import { formatCount, formatMs } from '../lib/format';
import type { Statistics } from '../lib/types';

interface Card {
  label: string;
  value: string;
  link?: string;
  id: string;
}

function cards(stats: Statistics): Card[] {
  const byType = stats.learnings_by_type;
  return [
    { id: 'learnings', label: 'Learnings', value: formatCount(stats.total_learnings), link: '#/learnings' },
    { id: 'failures', label: 'Failures', value: formatCount(byType.failure ?? 0), link: '#/learnings?type=failure' },
    { id: 'successes', label: 'Successes', value: formatCount(byType.success ?? 0), link: '#/learnings?type=success' },
    { id: 'heuristics', label: 'Heuristics', value: formatCount(stats.total_heuristics), link: '#/heuristics' },
    { id: 'golden', label: 'Golden rules', value: formatCount(stats.golden_heuristics), link: '#/golden' },
    { id: 'decisions', label: 'Decisions', value: formatCount(stats.total_decisions) },
    { id: 'violations', label: 'Violations (7 days)', value: formatCount(stats.violations_7d) },
    { id: 'queries', label: 'Queries today', value: formatCount(stats.queries_today), link: '#/queries' },
    { id: 'p95', label: 'Query p95', value: formatMs(stats.p95_query_time_ms), link: '#/queries' },
  ];
}

/** The headline counts; each links to the view that lists them. */
export function StatCards({ stats }: { stats: Statistics }) {
  return (
    <ul class="stat-cards" aria-label="Counts">
      {cards(stats).map((card) => (
        <li key={card.id} class="stat-card" data-stat={card.id}>
          {card.link ? (
            <a href={card.link} class="stat-link">
              <span class="stat-value">{card.value}</span>
              <span class="stat-label">{card.label}</span>
            </a>
          ) : (
            <div class="stat-link">
              <span class="stat-value">{card.value}</span>
              <span class="stat-label">{card.label}</span>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
