import type { Database, NewBuildingQueryRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { CoreHandle } from '../core-handle.js';
import { daysAgoIso } from '../queries/query-recent.js';
import { violationsByRuleQuery } from '../queries/violations.js';
import { readTransaction } from '../transaction.js';
import { p95Of } from './p95.js';
import {
  type CountGroup,
  durationsFromTopQuery,
  queryTotalsQuery,
  statisticsCountsQuery,
} from './statistics-queries.js';

export interface Statistics {
  learnings_by_type: Record<string, number>;
  learnings_by_domain: Record<string, number>;
  heuristics_by_domain: Record<string, number>;
  golden_heuristics: number;
  experiments_by_status: Record<string, number>;
  ceo_reviews_by_status: Record<string, number>;
  total_learnings: number;
  total_heuristics: number;
  total_experiments: number;
  total_ceo_reviews: number;
  total_decisions: number;
  total_invariants: number;
  total_assumptions: number;
  total_spike_reports: number;
  violations_7d: number;
  violations_by_rule_7d: Record<string, number>;
  total_queries: number;
  queries_today: number;
  avg_query_time_ms: number | null;
  p95_query_time_ms: number | null;
}

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/**
 * Query telemetry: totals from the per-day summary and p95 through the duration index, with the
 * rows this process has not written yet counted in memory (statistics reads; it never writes).
 */
async function queryTimes(db: Kysely<Database>, today: string, pending: readonly NewBuildingQueryRow[]) {
  const { rows } = await db.executeQuery(queryTotalsQuery(db, today));
  const stored = rows[0] ?? { total: 0, today: 0, timed: 0, duration_us: 0 };
  const durations = pending.flatMap((row) => (typeof row.duration_ms === 'number' ? [row.duration_ms] : []));
  const timed = stored.timed + durations.length;
  const durationUs = durations.reduce((sum, ms) => sum + Math.round(ms * 1000), stored.duration_us);
  const p95 = await p95Of(stored.timed, durations, async (from, count) => {
    const found = await db.executeQuery(durationsFromTopQuery(db, stored.timed - from - count, count));
    return found.rows.map((row) => row.duration_ms as number).reverse();
  });
  return {
    total: stored.total + pending.length,
    today: stored.today + pending.filter((row) => (row.created_at ?? '') >= today).length,
    avg: round3(timed > 0 ? durationUs / timed / 1000 : null),
    p95: round3(p95),
  };
}

/**
 * Counts by type, domain and status, golden rules, violations in 7 days, and query telemetry —
 * read from the summaries triggers keep, in one snapshot, so the cost does not grow with the data;
 * this process's telemetry rows not written yet count too.
 */
export async function statistics(ctx: CoreHandle): Promise<Statistics> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const since = daysAgoIso(ctx, 7);
  return readTransaction(ctx.db, async (db) => {
    const counts = new Map<CountGroup, Array<[string, number]>>();
    for (const { grp, key, n } of (await db.executeQuery(statisticsCountsQuery(db))).rows) {
      const group = counts.get(grp) ?? [];
      group.push([key, n]);
      counts.set(grp, group);
    }
    const byKey = (group: CountGroup) =>
      Object.fromEntries((counts.get(group) ?? []).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const total = (group: CountGroup) => (counts.get(group) ?? []).reduce((sum, [, n]) => sum + n, 0);
    const byRule = await violationsByRuleQuery(db, since).execute();
    const times = await queryTimes(db, today, ctx.telemetryBuffer ?? []);
    return {
      learnings_by_type: byKey('learnings_by_type'),
      learnings_by_domain: byKey('learnings_by_domain'),
      heuristics_by_domain: byKey('heuristics_by_domain'),
      golden_heuristics: total('golden_heuristics'),
      experiments_by_status: byKey('experiments_by_status'),
      ceo_reviews_by_status: byKey('ceo_reviews_by_status'),
      total_learnings: total('learnings_by_type'),
      total_heuristics: total('heuristics_by_domain'),
      total_experiments: total('experiments_by_status'),
      total_ceo_reviews: total('ceo_reviews_by_status'),
      total_decisions: total('decisions'),
      total_invariants: total('invariants'),
      total_assumptions: total('assumptions'),
      total_spike_reports: total('spike_reports'),
      violations_7d: byRule.reduce((sum, rule) => sum + Number(rule.count), 0),
      violations_by_rule_7d: Object.fromEntries(
        byRule.map((rule) => [`Rule ${rule.rule_id}: ${rule.rule_name}`, Number(rule.count)]),
      ),
      total_queries: times.total,
      queries_today: times.today,
      avg_query_time_ms: times.avg,
      p95_query_time_ms: times.p95,
    };
  });
}
