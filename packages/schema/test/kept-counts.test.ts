import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, type ElfDatabase, migrateDown, migrateToLatest, openDatabase } from '../src/index.js';

let handle: ElfDatabase;
let db: Kysely<Database>;
beforeEach(async () => {
  handle = await openDatabase({ path: ':memory:' });
  db = handle.db;
});
afterEach(() => handle.close());

/** A deterministic sequence in [0, 1) (a plain LCG: the schema layer has no core to borrow a PRNG from). */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** What the counters must equal: the same numbers counted from the tables themselves. */
async function counted() {
  const { rows } = await sql<{ name: string; key: string; n: number }>`
    select 'learnings.type' as name, type as key, count(*) as n from learnings group by type
    union all select 'experiments.status', status, count(*) from experiments group by status
    union all select 'ceo_reviews.status', status, count(*) from ceo_reviews group by status
    union all select 'decisions', '', count(*) from decisions
    union all select 'invariants', '', count(*) from invariants
    union all select 'assumptions', '', count(*) from assumptions
    union all select 'spike_reports', '', count(*) from spike_reports`.execute(db);
  return rows.filter((r) => r.n > 0).sort((a, b) => `${a.name}:${a.key}`.localeCompare(`${b.name}:${b.key}`));
}

async function kept() {
  const rows = await db
    .selectFrom('kept_counts')
    .selectAll()
    .where('n', '!=', 0)
    .where('name', '!=', 'fts_generation')
    .execute();
  return rows.sort((a, b) => `${a.name}:${a.key}`.localeCompare(`${b.name}:${b.key}`));
}

async function countedDays() {
  const { rows } = await sql<{ day: string; queries: number; timed: number; duration_us: number }>`
    select substr(created_at, 1, 10) as day, count(*) as queries, count(duration_ms) as timed,
      coalesce(sum(cast(round(duration_ms * 1000) as integer)), 0) as duration_us
    from building_queries group by day order by day`.execute(db);
  return rows;
}

const keptDays = () => db.selectFrom('building_query_days').selectAll().orderBy('day').execute();

const types = ['failure', 'success', 'observation', 'heuristic', 'experiment'] as const;
const experimentStatuses = ['active', 'completed', 'abandoned'] as const;
const reviewStatuses = ['pending', 'approved', 'rejected'] as const;

type Table = 'learnings' | 'experiments' | 'ceo_reviews' | 'decisions' | 'building_queries';

/** Random inserts, updates and deletes over every counted table, some in a rolled-back transaction. */
async function randomWrites(random: () => number, steps: number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const someId = async (table: Table) => {
    const { rows } = await sql<{ id: number }>`
      select id from ${sql.table(table)} order by id
      limit 1 offset (select cast(${random()} * count(*) as integer) from ${sql.table(table)})`.execute(db);
    return rows[0]?.id ?? -1;
  };
  const day = () => `2026-11-${20 + Math.floor(random() * 5)}T${random() < 0.5 ? '00:00:00.000' : '23:59:59.999'}Z`;
  const duration = () => (random() < 0.2 ? null : Math.round(random() * 50_000) / 1000);
  const query = () => ({
    query_type: 'search',
    status: 'success' as const,
    duration_ms: duration(),
    created_at: day(),
  });
  const actions: Array<(step: number) => Promise<unknown>> = [
    (step) =>
      db
        .insertInto('learnings')
        .values({ type: pick(types), title: `l${step}`, domain: 'ci' })
        .execute(),
    async () =>
      db
        .updateTable('learnings')
        .set({ type: pick(types) })
        .where('id', '=', await someId('learnings'))
        .execute(),
    async () =>
      db
        .deleteFrom('learnings')
        .where('id', '=', await someId('learnings'))
        .execute(),
    (step) =>
      db
        .insertInto('experiments')
        .values({ name: `e${step}`, status: pick(experimentStatuses) })
        .execute(),
    async () =>
      db
        .updateTable('experiments')
        .set({ status: pick(experimentStatuses) })
        .where('id', '=', await someId('experiments'))
        .execute(),
    (step) =>
      db
        .insertInto('ceo_reviews')
        .values({ title: `r${step}`, status: pick(reviewStatuses) })
        .execute(),
    async () =>
      db
        .deleteFrom('ceo_reviews')
        .where('id', '=', await someId('ceo_reviews'))
        .execute(),
    async (step) => {
      await db
        .insertInto('decisions')
        .values({ title: `d${step}`, context: 'c', decision: 'x', rationale: 'y' })
        .execute();
      await db
        .insertInto('spike_reports')
        .values({ title: `s${step}`, topic: 't', question: 'q', findings: 'f' })
        .execute();
      await db
        .insertInto('invariants')
        .values({ statement: `i${step}`, rationale: 'r' })
        .execute();
      await db
        .insertInto('assumptions')
        .values({ assumption: `a${step}` })
        .execute();
    },
    async () => {
      await db
        .deleteFrom('decisions')
        .where('id', '=', await someId('decisions'))
        .execute();
      await db
        .deleteFrom('spike_reports')
        .where('id', '=', await someId('decisions'))
        .execute();
    },
    () =>
      db
        .insertInto('building_queries')
        .values(Array.from({ length: 1 + Math.floor(random() * 4) }, query))
        .execute(),
    async () =>
      db
        .deleteFrom('building_queries')
        .where('id', '=', await someId('building_queries'))
        .execute(),
    async () => {
      const { duration_ms, created_at } = query();
      const id = await someId('building_queries');
      await db.updateTable('building_queries').set({ duration_ms, created_at }).where('id', '=', id).execute();
    },
    // A transaction that writes everywhere and then fails: the counters must roll back with it.
    () =>
      db
        .transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('learnings')
            .values({ type: pick(types), title: 'gone', domain: 'ci' })
            .execute();
          await trx.insertInto('building_queries').values(query()).execute();
          await trx.deleteFrom('decisions').execute();
          throw new Error('roll back');
        })
        .catch(() => undefined),
  ];
  for (let step = 0; step < steps; step++) await pick(actions)(step);
}

describe('kept counts', () => {
  it.each([1, 2, 3])('equal a real count after random inserts, updates and deletes (seed %i)', async (seed) => {
    await randomWrites(prng(seed), 400);
    expect(await kept()).toEqual(await counted());
    expect((await counted()).length).toBeGreaterThan(5);
    expect(await keptDays()).toEqual(await countedDays());
    expect((await keptDays()).length).toBeGreaterThan(2);
  });

  it('count what was there before the migration, and drop a day once its last query is gone', async () => {
    await migrateDown(db, 1);
    await db.insertInto('learnings').values({ type: 'failure', title: 'before', domain: 'ci' }).execute();
    await db.insertInto('experiments').values({ name: 'before', status: 'completed' }).execute();
    await db
      .insertInto('building_queries')
      .values([
        { query_type: 'a', status: 'success', duration_ms: 1.25, created_at: '2026-11-01T10:00:00.000Z' },
        { query_type: 'b', status: 'success', duration_ms: null, created_at: '2026-11-01T11:00:00.000Z' },
      ])
      .execute();
    await migrateToLatest(db);
    expect(await kept()).toEqual(await counted());
    expect(await keptDays()).toEqual([{ day: '2026-11-01', queries: 2, timed: 1, duration_us: 1250 }]);
    await db.deleteFrom('building_queries').execute();
    expect(await keptDays()).toEqual([]);
  });
});

describe('fts generations', () => {
  const generation = async (fts: string) =>
    (
      await db
        .selectFrom('kept_counts')
        .select('n')
        .where('name', '=', 'fts_generation')
        .where('key', '=', fts)
        .executeTakeFirstOrThrow()
    ).n;

  it('move when what an index ranks changes, and only then', async () => {
    const start = await generation('heuristics_fts');
    const { id } = await db
      .insertInto('heuristics')
      .values({ domain: 'ci', rule: 'Pin the runner image' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await generation('heuristics_fts')).toBe(start + 1);
    await db.updateTable('heuristics').set({ confidence: 0.9, times_validated: 3 }).where('id', '=', id).execute();
    await db.updateTable('heuristics').set({ rule: 'Pin the runner image' }).where('id', '=', id).execute();
    expect(await generation('heuristics_fts')).toBe(start + 1);
    await db.updateTable('heuristics').set({ explanation: 'tags move' }).where('id', '=', id).execute();
    expect(await generation('heuristics_fts')).toBe(start + 2);
    await db.deleteFrom('heuristics').where('id', '=', id).execute();
    expect(await generation('heuristics_fts')).toBe(start + 3);
    expect(await generation('learnings_fts')).toBe(0);
  });

  it('exist for every searched index', async () => {
    const rows = await db.selectFrom('kept_counts').select('key').where('name', '=', 'fts_generation').execute();
    expect(rows.map((r) => r.key)).toEqual(['decisions_fts', 'heuristics_fts', 'learnings_fts', 'spike_reports_fts']);
    const inserts = {
      learnings: () => db.insertInto('learnings').values({ type: 'failure', title: 'x', domain: 'ci' }).execute(),
      decisions: () =>
        db.insertInto('decisions').values({ title: 'x', context: 'c', decision: 'y', rationale: 'z' }).execute(),
      spike_reports: () =>
        db.insertInto('spike_reports').values({ title: 'x', topic: 't', question: 'q', findings: 'f' }).execute(),
    };
    for (const [table, insert] of Object.entries(inserts)) {
      await insert();
      expect(await generation(`${table}_fts`)).toBe(1);
    }
  });
});
