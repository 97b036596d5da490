import { TestClock } from '@elf/test-support';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { Elf, seededRandom } from '../src/index.js';
import { openTempElf } from './support/temp-elf.js';

/** Statistics the slow way — counting the tables themselves — to hold the kept counts to. */
async function countedStatistics(db: Kysely<any>, today: string) {
  const grouped = async (table: string, column: string) => {
    const { rows } = await sql<{ key: string; n: number }>`
      select ${sql.ref(column)} as key, count(*) as n from ${sql.table(table)} group by 1 order by 1`.execute(db);
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  };
  const count = async (from: string) =>
    (await sql<{ n: number }>`select count(*) as n from ${sql.raw(from)}`.execute(db)).rows[0]?.n ?? 0;
  const { rows } = await sql<{ avg: number | null; timed: number }>`
    select avg(duration_ms) as avg, count(duration_ms) as timed from building_queries`.execute(db);
  const { avg, timed } = rows[0] ?? { avg: null, timed: 0 };
  const durations = await sql<{ d: number }>`
    select duration_ms as d from building_queries where duration_ms is not null order by d`.execute(db);
  const p95 = timed > 0 ? (durations.rows[Math.max(0, Math.ceil(0.95 * timed) - 1)]?.d ?? null) : null;
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const byType = await grouped('learnings', 'type');
  const heuristicsByDomain = await grouped('heuristics', 'domain');
  const experiments = await grouped('experiments', 'status');
  const reviews = await grouped('ceo_reviews', 'status');
  return {
    learnings_by_type: byType,
    learnings_by_domain: await grouped('learnings', 'domain'),
    heuristics_by_domain: heuristicsByDomain,
    golden_heuristics: await count(`heuristics where is_golden = 1 and status = 'active'`),
    experiments_by_status: experiments,
    ceo_reviews_by_status: reviews,
    total_learnings: sum(byType),
    total_heuristics: sum(heuristicsByDomain),
    total_experiments: sum(experiments),
    total_ceo_reviews: sum(reviews),
    total_decisions: await count('decisions'),
    total_invariants: await count('invariants'),
    total_assumptions: await count('assumptions'),
    total_spike_reports: await count('spike_reports'),
    total_queries: await count('building_queries'),
    queries_today: await count(`building_queries where created_at >= '${today}T00:00:00.000Z'`),
    avg_query_time_ms: avg === null ? null : Math.round(avg * 1000) / 1000,
    p95_query_time_ms: p95,
  };
}

const domains = ['api', 'ui', 'ops', 'database'];

/** Records, edits, deletes and queries through Elf (and a few raw writes), across several days. */
async function randomActivity(elf: Elf, clock: TestClock, seed: number, steps: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const someId = async (table: 'learnings' | 'heuristics' | 'building_queries') =>
    (
      await sql<{ id: number }>`select id from ${sql.table(table)} order by id
        limit 1 offset (select cast(${random()} * count(*) as integer) from ${sql.table(table)})`.execute(elf.db)
    ).rows[0]?.id ?? -1;
  const actions: Array<(step: number) => Promise<unknown>> = [
    (step) =>
      elf.recordLearning({
        type: pick(['failure', 'success', 'observation'] as const),
        title: `l${step}`,
        domain: pick(domains),
      }),
    async () =>
      elf.db
        .updateTable('learnings')
        .set({ domain: pick(domains) })
        .where('id', '=', await someId('learnings'))
        .execute(),
    async () =>
      elf.db
        .deleteFrom('learnings')
        .where('id', '=', await someId('learnings'))
        .execute(),
    (step) =>
      elf.recordHeuristic({ domain: pick(domains), rule: `rule number ${step} about ${pick(domains)}`, force: true }),
    async () =>
      elf.db
        .updateTable('heuristics')
        .set({ is_golden: random() < 0.5 ? 1 : 0, status: pick(['active', 'dormant'] as const) })
        .where('id', '=', await someId('heuristics'))
        .execute(),
    (step) => elf.recordExperiment({ name: `experiment ${step}`, hypothesis: 'h' }),
    (step) => elf.recordDecision({ title: `d${step}`, context: 'c', decision: 'x', rationale: 'y' }),
    (step) => elf.recordInvariant({ statement: `i${step}`, rationale: 'r' }),
    (step) => elf.recordAssumption({ assumption: `a${step}` }),
    (step) => elf.recordSpikeReport({ title: `s${step}`, topic: 't', question: 'q', findings: 'f' }),
    () => elf.queryByDomain({ domain: pick(domains) }),
    () => elf.search({ text: `rule ${pick(domains)}` }),
    async () =>
      elf.db
        .deleteFrom('building_queries')
        .where('id', '=', await someId('building_queries'))
        .execute(),
    async () => clock.advanceMinutes(Math.floor(random() * 14) * 60),
    () => elf.statistics(),
  ];
  for (let step = 0; step < steps; step++) await pick(actions)(step);
}

describe('statistics', () => {
  it.each([1, 2])('equal counting the tables after random activity over several days (seed %i)', async (seed) => {
    const clock = new TestClock('2026-11-20T08:00:00.000Z');
    const { elf } = await openTempElf({ clock });
    await randomActivity(elf, clock, seed, 300);
    const today = clock.now().toISOString().slice(0, 10);
    const pending = elf.core.telemetryBuffer?.length ?? 0;
    const stats = await elf.statistics(); // counts the queries not written yet, writes nothing
    // Write what was pending when it counted (not its own row), then count the tables.
    elf.core.telemetryBuffer?.pop();
    await elf.flushTelemetry();
    const expected = await countedStatistics(elf.db, today);
    expect({ ...stats, violations_7d: undefined, violations_by_rule_7d: undefined }).toEqual({
      ...expected,
      violations_7d: undefined,
      violations_by_rule_7d: undefined,
    });
    expect(pending).toBeGreaterThan(0);
    expect(stats.total_queries).toBeGreaterThan(stats.queries_today);
    expect(Object.keys(stats.learnings_by_domain).length).toBeGreaterThan(1);
    expect(stats.total_experiments).toBeGreaterThan(0);
  });

  it('see what another connection wrote at once', async () => {
    const { elf, path } = await openTempElf();
    const other = await Elf.open({ path, projectPath: null });
    try {
      await elf.statistics();
      await other.recordLearning({ type: 'failure', title: 'from elsewhere', domain: 'ops' });
      await other.recordDecision({ title: 'd', context: 'c', decision: 'x', rationale: 'y' });
      const stats = await elf.statistics();
      expect(stats.learnings_by_domain).toEqual({ ops: 1 });
      expect(stats.total_decisions).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('count this process’s telemetry not written yet, without writing it', async () => {
    const clock = new TestClock('2026-11-26T12:00:00.000Z');
    const { elf } = await openTempElf({ clock });
    const row = (duration_ms: number, created_at: string) => ({
      query_type: 'seeded',
      status: 'success' as const,
      duration_ms,
      created_at,
    });
    for (let i = 1; i <= 10; i++) {
      await elf.db.insertInto('building_queries').values(row(i, '2026-11-25T08:00:00.000Z')).execute();
    }
    elf.core.telemetryBuffer = Array.from({ length: 10 }, (_, i) => row(100 + i, '2026-11-26T11:00:00.000Z'));
    const stats = await elf.statistics();
    expect(stats).toMatchObject({
      total_queries: 20,
      queries_today: 10,
      avg_query_time_ms: (55 + 1045) / 20,
      p95_query_time_ms: 108, // nearest rank: the 19th of 1..10, 100..109
    });
    const written = await elf.db
      .selectFrom('building_queries')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(written?.n)).toBe(10);
  });
});
