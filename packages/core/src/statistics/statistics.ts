import type { Database } from '@elf/schema';
import { type Kysely, sql } from 'kysely';
import type { CoreHandle } from '../core-handle.js';
import { daysAgoIso } from '../queries/query-recent.js';
import { violationsByRuleQuery } from '../queries/violations.js';

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

type CountTable = 'decisions' | 'invariants' | 'assumptions' | 'spike_reports' | 'building_queries';
type GroupedColumn =
  | { table: 'learnings'; column: 'type' | 'domain' }
  | { table: 'heuristics'; column: 'domain' }
  | { table: 'experiments'; column: 'status' }
  | { table: 'ceo_reviews'; column: 'status' };

async function grouped(db: Kysely<Database>, { table, column }: GroupedColumn): Promise<Record<string, number>> {
  const { rows } = await sql<{ key: string; n: number }>`
    select ${sql.ref(column)} as key, count(*) as n from ${sql.table(table)} group by ${sql.ref(column)}`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.key, row.n]));
}

async function countRows(db: Kysely<Database>, table: CountTable): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return rows[0]?.n ?? 0;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

/** Query time statistics from building_queries: mean and nearest-rank p95 through the duration index. */
async function queryTimes(db: Kysely<Database>, todayStart: string) {
  const { rows } = await sql<{ total: number; today: number; avg: number | null; timed: number }>`
    select count(*) as total,
      (select count(*) from building_queries where created_at >= ${todayStart}) as today,
      avg(duration_ms) as avg, count(duration_ms) as timed
    from building_queries`.execute(db);
  const stats = rows[0] ?? { total: 0, today: 0, avg: null, timed: 0 };
  let p95: number | null = null;
  if (stats.timed > 0) {
    const rank = Math.max(0, Math.ceil(0.95 * stats.timed) - 1);
    const found = await db
      .selectFrom('building_queries')
      .select('duration_ms')
      .where('duration_ms', 'is not', null)
      .orderBy('duration_ms')
      .limit(1)
      .offset(rank)
      .executeTakeFirst();
    p95 = found?.duration_ms ?? null;
  }
  const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
  return { total: stats.total, today: stats.today, avg: round(stats.avg), p95: round(p95) };
}

/** Counts by type, domain and status, golden rules, violations in 7 days, and query telemetry. */
export async function statistics(ctx: CoreHandle): Promise<Statistics> {
  const db = ctx.db;
  const now = ctx.clock.now();
  const todayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
  const [byType, byDomain, heuristicsByDomain, experiments, reviews] = await Promise.all([
    grouped(db, { table: 'learnings', column: 'type' }),
    grouped(db, { table: 'learnings', column: 'domain' }),
    grouped(db, { table: 'heuristics', column: 'domain' }),
    grouped(db, { table: 'experiments', column: 'status' }),
    grouped(db, { table: 'ceo_reviews', column: 'status' }),
  ]);
  const golden = await db
    .selectFrom('heuristics')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_golden', '=', 1)
    .where('status', '=', 'active')
    .executeTakeFirst();
  const [decisions, invariants, assumptions, spikes] = await Promise.all(
    (['decisions', 'invariants', 'assumptions', 'spike_reports'] as const).map((table) => countRows(db, table)),
  );
  const byRule = await violationsByRuleQuery(db, daysAgoIso(ctx, 7)).execute();
  const times = await queryTimes(db, todayStart);
  return {
    learnings_by_type: byType,
    learnings_by_domain: byDomain,
    heuristics_by_domain: heuristicsByDomain,
    golden_heuristics: golden?.n ?? 0,
    experiments_by_status: experiments,
    ceo_reviews_by_status: reviews,
    total_learnings: sum(byType),
    total_heuristics: sum(heuristicsByDomain),
    total_experiments: sum(experiments),
    total_ceo_reviews: sum(reviews),
    total_decisions: decisions ?? 0,
    total_invariants: invariants ?? 0,
    total_assumptions: assumptions ?? 0,
    total_spike_reports: spikes ?? 0,
    violations_7d: byRule.reduce((total, rule) => total + Number(rule.count), 0),
    violations_by_rule_7d: Object.fromEntries(
      byRule.map((rule) => [`Rule ${rule.rule_id}: ${rule.rule_name}`, Number(rule.count)]),
    ),
    total_queries: times.total,
    queries_today: times.today,
    avg_query_time_ms: times.avg,
    p95_query_time_ms: times.p95,
  };
}
