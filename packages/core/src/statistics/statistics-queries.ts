import type { Database } from '@elf/schema';
import { type Kysely, sql } from 'kysely';

// The reads behind statistics(). Counts come from the summaries triggers keep (kept_counts,
// domain_stats, building_query_days: a few dozen rows, read whole on purpose), never from
// counting a table; golden rules are few and found through their index (`+status` keeps the
// planner off the status index, which would read every active heuristic).

export type CountGroup =
  | 'learnings_by_type'
  | 'learnings_by_domain'
  | 'heuristics_by_domain'
  | 'experiments_by_status'
  | 'ceo_reviews_by_status'
  | 'decisions'
  | 'invariants'
  | 'assumptions'
  | 'spike_reports'
  | 'golden_heuristics';

/** Every count statistics reports, as (group, key, n) rows: one statement. */
export function statisticsCountsQuery(db: Kysely<Database>) {
  return sql<{ grp: CountGroup; key: string; n: number }>`
    select 'learnings_by_type' as grp, key, n from kept_counts where name = 'learnings.type' and n > 0
    union all select 'experiments_by_status', key, n from kept_counts where name = 'experiments.status' and n > 0
    union all select 'ceo_reviews_by_status', key, n from kept_counts where name = 'ceo_reviews.status' and n > 0
    union all select name, key, n from kept_counts
      where name in ('decisions', 'invariants', 'assumptions', 'spike_reports') and key = ''
    union all select 'learnings_by_domain', domain, learnings from domain_stats where learnings > 0
    union all select 'heuristics_by_domain', domain, heuristics from domain_stats where heuristics > 0
    union all select 'golden_heuristics', '', count(*) from heuristics where is_golden = 1 and +status = 'active'`.compile(
    db,
  );
}

/** Query telemetry totals from the per-day summary: all queries, today's (UTC), timed ones, Σ µs. */
export function queryTotalsQuery(db: Kysely<Database>, today: string) {
  return sql<{ total: number; today: number; timed: number; duration_us: number }>`
    select coalesce(sum(queries), 0) as total,
      coalesce(sum(case when day >= ${today} then queries else 0 end), 0) as today,
      coalesce(sum(timed), 0) as timed, coalesce(sum(duration_us), 0) as duration_us
    from building_query_days`.compile(db);
}

/**
 * `count` durations, the longest of them `fromTop` places below the longest stored: walked from
 * the top of the duration index, so a p95 reads a twentieth of the timed rows, not nineteen
 * twentieths. Longest first.
 */
export function durationsFromTopQuery(db: Kysely<Database>, fromTop: number, count: number) {
  return db
    .selectFrom('building_queries')
    .select('duration_ms')
    .where('duration_ms', 'is not', null)
    .orderBy('duration_ms', 'desc')
    .limit(count)
    .offset(fromTop)
    .compile();
}
