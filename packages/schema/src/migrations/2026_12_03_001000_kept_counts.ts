import type { Kysely } from 'kysely';
import { runStatements } from './sql-helpers.js';

// Counts kept by triggers, in the transaction of every write, so reads that summarise the whole
// database look up a few rows instead of counting tables (exact from every process, at once):
//  - statistics_counts: rows per learnings.type, experiments.status and ceo_reviews.status, and
//    the row totals of decisions, invariants, assumptions and spike reports (value '').
//  - building_query_days: per UTC day of building_queries.created_at, the queries, how many were
//    timed and the sum of their durations in whole microseconds (an integer: exact under any mix
//    of inserts and deletes, where a floating sum would drift).
//  - fts_generations: a number per searched full-text index that moves whenever what the index
//    ranks changes (a row added, deleted, or an indexed column changed). bm25 depends on every
//    document (row count, average length, document frequencies), so caches of scores key on it.

/** Counted columns: `name` in statistics_counts is `table.column`. */
const grouped = [
  { table: 'learnings', column: 'type' },
  { table: 'experiments', column: 'status' },
  { table: 'ceo_reviews', column: 'status' },
] as const;

/** Tables counted whole: `name` is the table, `value` ''. */
const totals = ['decisions', 'invariants', 'assumptions', 'spike_reports'] as const;

/** The searched indexes and their columns (as in the full-text migration). */
const searched = [
  { table: 'learnings', columns: ['title', 'summary', 'tags', 'domain'] },
  { table: 'heuristics', columns: ['rule', 'explanation', 'domain'] },
  { table: 'decisions', columns: ['title', 'context', 'decision', 'rationale', 'options_considered', 'domain'] },
  { table: 'spike_reports', columns: ['title', 'topic', 'question', 'findings', 'gotchas', 'tags', 'domain'] },
] as const;

const bump = (name: string, value: string, delta: number) =>
  `INSERT INTO statistics_counts (name, value, n) VALUES ('${name}', ${value}, ${delta})
   ON CONFLICT (name, value) DO UPDATE SET n = n + ${delta};`;

function groupedTriggers({ table, column }: (typeof grouped)[number]): string[] {
  const name = `${table}.${column}`;
  const trigger = `${table}_${column}_counts`;
  return [
    `CREATE TRIGGER ${trigger}_insert AFTER INSERT ON ${table} BEGIN ${bump(name, `new.${column}`, 1)} END`,
    `CREATE TRIGGER ${trigger}_delete AFTER DELETE ON ${table} BEGIN ${bump(name, `old.${column}`, -1)} END`,
    `CREATE TRIGGER ${trigger}_update AFTER UPDATE OF ${column} ON ${table} WHEN new.${column} IS NOT old.${column}
     BEGIN ${bump(name, `old.${column}`, -1)} ${bump(name, `new.${column}`, 1)} END`,
  ];
}

function totalTriggers(table: (typeof totals)[number]): string[] {
  return [
    `CREATE TRIGGER ${table}_total_insert AFTER INSERT ON ${table} BEGIN ${bump(table, "''", 1)} END`,
    `CREATE TRIGGER ${table}_total_delete AFTER DELETE ON ${table} BEGIN ${bump(table, "''", -1)} END`,
  ];
}

/** A building_queries row's share of its day: +1 or -1 of it. */
function dayShare(row: 'new' | 'old', sign: 1 | -1): string {
  const us = `coalesce(CAST(round(${row}.duration_ms * 1000) AS INTEGER), 0)`;
  return `INSERT INTO building_query_days (day, queries, timed, duration_us)
   VALUES (substr(${row}.created_at, 1, 10), ${sign}, ${sign} * (${row}.duration_ms IS NOT NULL), ${sign} * ${us})
   ON CONFLICT (day) DO UPDATE SET queries = queries + excluded.queries, timed = timed + excluded.timed,
     duration_us = duration_us + excluded.duration_us;`;
}
const dropEmptyDay = `DELETE FROM building_query_days WHERE day = substr(old.created_at, 1, 10) AND queries = 0;`;

function generationTriggers({ table, columns }: (typeof searched)[number]): string[] {
  const next = `UPDATE fts_generations SET generation = generation + 1 WHERE fts = '${table}_fts';`;
  const changed = columns.map((column) => `new.${column} IS NOT old.${column}`).join(' OR ');
  return [
    `CREATE TRIGGER ${table}_fts_generation_insert AFTER INSERT ON ${table} BEGIN ${next} END`,
    `CREATE TRIGGER ${table}_fts_generation_delete AFTER DELETE ON ${table} BEGIN ${next} END`,
    `CREATE TRIGGER ${table}_fts_generation_update AFTER UPDATE OF ${columns.join(', ')} ON ${table}
     WHEN ${changed} BEGIN ${next} END`,
  ];
}

const upStatements = [
  `CREATE TABLE statistics_counts (
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (name, value)
) STRICT, WITHOUT ROWID`,
  ...grouped.map(
    ({ table, column }) => `INSERT INTO statistics_counts (name, value, n)
     SELECT '${table}.${column}', ${column}, count(*) FROM ${table} GROUP BY ${column}`,
  ),
  ...totals.map(
    (table) => `INSERT INTO statistics_counts (name, value, n) SELECT '${table}', '', count(*) FROM ${table}`,
  ),
  ...grouped.flatMap(groupedTriggers),
  ...totals.flatMap(totalTriggers),

  `CREATE TABLE building_query_days (
  day TEXT PRIMARY KEY,
  queries INTEGER NOT NULL,
  timed INTEGER NOT NULL,
  duration_us INTEGER NOT NULL
) STRICT, WITHOUT ROWID`,
  `INSERT INTO building_query_days (day, queries, timed, duration_us)
   SELECT substr(created_at, 1, 10), count(*), count(duration_ms),
     coalesce(sum(CAST(round(duration_ms * 1000) AS INTEGER)), 0)
   FROM building_queries GROUP BY substr(created_at, 1, 10)`,
  `CREATE TRIGGER building_queries_days_insert AFTER INSERT ON building_queries BEGIN ${dayShare('new', 1)} END`,
  `CREATE TRIGGER building_queries_days_delete AFTER DELETE ON building_queries
   BEGIN ${dayShare('old', -1)} ${dropEmptyDay} END`,
  `CREATE TRIGGER building_queries_days_update AFTER UPDATE OF created_at, duration_ms ON building_queries
   BEGIN ${dayShare('old', -1)} ${dropEmptyDay} ${dayShare('new', 1)} END`,

  `CREATE TABLE fts_generations (
  fts TEXT PRIMARY KEY,
  generation INTEGER NOT NULL
) STRICT, WITHOUT ROWID`,
  `INSERT INTO fts_generations (fts, generation) VALUES ${searched.map(({ table }) => `('${table}_fts', 0)`).join(', ')}`,
  ...searched.flatMap(generationTriggers),
];

const downStatements = [
  ...searched.flatMap(({ table }) =>
    ['insert', 'delete', 'update'].map((event) => `DROP TRIGGER ${table}_fts_generation_${event}`),
  ),
  'DROP TABLE fts_generations',
  ...['insert', 'delete', 'update'].map((event) => `DROP TRIGGER building_queries_days_${event}`),
  'DROP TABLE building_query_days',
  ...totals.flatMap((table) => [`DROP TRIGGER ${table}_total_insert`, `DROP TRIGGER ${table}_total_delete`]),
  ...grouped.flatMap(({ table, column }) =>
    ['insert', 'delete', 'update'].map((event) => `DROP TRIGGER ${table}_${column}_counts_${event}`),
  ),
  'DROP TABLE statistics_counts',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
