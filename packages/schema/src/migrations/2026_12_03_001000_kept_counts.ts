import type { Kysely } from 'kysely';
import { runStatements } from './sql-helpers.js';

// Counts kept by triggers, in the transaction of every write, so reads that summarise the whole
// database look up a few rows instead of counting tables (exact from every process, at once):
//  - kept_counts (name, key, n), one small table, so a write dirties one more page, not several:
//      'learnings.type' | 'experiments.status' | 'ceo_reviews.status', key = the value: rows;
//      'decisions' | 'invariants' | 'assumptions' | 'spike_reports', key '': the table's rows;
//      'fts_generation', key = a searched full-text index (`learnings_fts`, …): a number that
//      moves whenever what the index ranks changes (a row added or deleted, an indexed column
//      changed). bm25 depends on every document (row count, average length, document
//      frequencies), so a cache of scores is valid for one generation.
//    One trigger per table and event does all of a write's counting.
//  - building_query_days: per UTC day of building_queries.created_at, the queries, how many were
//    timed and the sum of their durations in whole microseconds (an integer: exact under any mix
//    of inserts and deletes, where a floating sum would drift).

/** Counted columns (name `table.column`), totals (name = table), searched indexes and their columns. */
const grouped: Record<string, string> = { learnings: 'type', experiments: 'status', ceo_reviews: 'status' };
const totals = new Set(['decisions', 'invariants', 'assumptions', 'spike_reports']);
const searched: Record<string, readonly string[]> = {
  learnings: ['title', 'summary', 'tags', 'domain'],
  heuristics: ['rule', 'explanation', 'domain'],
  decisions: ['title', 'context', 'decision', 'rationale', 'options_considered', 'domain'],
  spike_reports: ['title', 'topic', 'question', 'findings', 'gotchas', 'tags', 'domain'],
};
const counted = [...new Set([...Object.keys(grouped), ...totals, ...Object.keys(searched)])];

const bump = (name: string, key: string, delta: number) =>
  `INSERT INTO kept_counts (name, key, n) VALUES ('${name}', ${key}, ${delta})
   ON CONFLICT (name, key) DO UPDATE SET n = n + ${delta};`;
const nextGeneration = (table: string) =>
  `UPDATE kept_counts SET n = n + 1 WHERE name = 'fts_generation' AND key = '${table}_fts';`;

/** What an inserted (+1) or deleted (-1) row changes: its group's count, the total, the generation. */
function rowCounts(table: string, sign: 1 | -1): string {
  const row = sign > 0 ? 'new' : 'old';
  const column = grouped[table];
  return [
    column ? bump(`${table}.${column}`, `${row}.${column}`, sign) : '',
    totals.has(table) ? bump(table, "''", sign) : '',
    searched[table] ? nextGeneration(table) : '',
  ].join(' ');
}

function countTriggers(table: string): string[] {
  const column = grouped[table];
  const columns = searched[table];
  return [
    `CREATE TRIGGER ${table}_kept_counts_insert AFTER INSERT ON ${table} BEGIN ${rowCounts(table, 1)} END`,
    `CREATE TRIGGER ${table}_kept_counts_delete AFTER DELETE ON ${table} BEGIN ${rowCounts(table, -1)} END`,
    ...(column
      ? [
          `CREATE TRIGGER ${table}_kept_counts_move AFTER UPDATE OF ${column} ON ${table}
           WHEN new.${column} IS NOT old.${column}
           BEGIN ${bump(`${table}.${column}`, `old.${column}`, -1)} ${bump(`${table}.${column}`, `new.${column}`, 1)} END`,
        ]
      : []),
    ...(columns
      ? [
          `CREATE TRIGGER ${table}_kept_counts_reindexed AFTER UPDATE OF ${columns.join(', ')} ON ${table}
           WHEN ${columns.map((c) => `new.${c} IS NOT old.${c}`).join(' OR ')} BEGIN ${nextGeneration(table)} END`,
        ]
      : []),
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

const upStatements = [
  `CREATE TABLE kept_counts (
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (name, key)
) STRICT, WITHOUT ROWID`,
  ...Object.entries(grouped).map(
    ([table, column]) => `INSERT INTO kept_counts (name, key, n)
     SELECT '${table}.${column}', ${column}, count(*) FROM ${table} GROUP BY ${column}`,
  ),
  ...[...totals].map((table) => `INSERT INTO kept_counts (name, key, n) SELECT '${table}', '', count(*) FROM ${table}`),
  `INSERT INTO kept_counts (name, key, n) VALUES ${Object.keys(searched)
    .map((table) => `('fts_generation', '${table}_fts', 0)`)
    .join(', ')}`,
  ...counted.flatMap(countTriggers),

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
];

const downStatements = [
  ...['insert', 'delete', 'update'].map((event) => `DROP TRIGGER building_queries_days_${event}`),
  'DROP TABLE building_query_days',
  ...counted.flatMap((table) => [
    `DROP TRIGGER ${table}_kept_counts_insert`,
    `DROP TRIGGER ${table}_kept_counts_delete`,
    `DROP TRIGGER IF EXISTS ${table}_kept_counts_move`,
    `DROP TRIGGER IF EXISTS ${table}_kept_counts_reindexed`,
  ]),
  'DROP TABLE kept_counts',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
