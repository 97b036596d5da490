import { sql } from 'kysely';

// The statements search runs. Table names are fixed text per kind, never input; phrases and the
// MATCH expression are bound parameters. `rank` is bm25 with the column weights the full-text
// migration stores with each index (lower is better).

export const searchKinds = ['learning', 'heuristic', 'decision', 'spike_report'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** The table of each kind. */
export const searchTables: Record<SearchKind, string> = {
  learning: 'learnings',
  heuristic: 'heuristics',
  decision: 'decisions',
  spike_report: 'spike_reports',
};

/** The kind's full-text index: `learnings_fts`, … */
export const ftsTable = (kind: SearchKind) => `${searchTables[kind]}_fts`;

/** The generation of each kind's index (kept_counts 'fts_generation', moved by triggers on every change). */
export function generationsQuery(kinds: readonly SearchKind[]) {
  return sql<{ fts: string; generation: number }>`
    select key as fts, n as generation from kept_counts
    where name = 'fts_generation' and key in (${sql.join(kinds.map(ftsTable))})`;
}

/**
 * A kind's best `take` documents for the whole OR query, scored by FTS5. Sorting outside FTS5
 * (`+rank`) keeps `take` rows in SQLite's sorter; FTS5's own ORDER BY rank sorts every match.
 */
export function rankedQuery(kind: SearchKind, match: string, take: number) {
  const fts = sql.table(ftsTable(kind));
  return sql<{ id: number; score: number }>`
    select rowid as id, rank as score from ${fts} where ${fts} match ${match} order by +rank, rowid limit ${take}`;
}

/**
 * Each phrase's own bm25 score in every document that has it, as JSON arrays (one row per phrase,
 * `phrase` its index in `phrases`). bm25 sums its phrases' scores, so these add up to the score of
 * the OR query; JSON keeps all 17 digits of each score.
 */
export function termScoresQuery(kind: SearchKind, phrases: readonly string[]) {
  const fts = sql.table(ftsTable(kind));
  return sql<{ phrase: number; ids: string; scores: string }>`${sql.join(
    phrases.map(
      (phrase, i) => sql`select ${sql.lit(i)} as phrase, json_group_array(rowid) as ids,
        json_group_array(rank) as scores from ${fts} where ${fts} match ${phrase}`,
    ),
    sql` union all `,
  )}`;
}
