import { type RawBuilder, sql } from 'kysely';

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

/** The kind's scratch index of a page's hits (TEMP, see page-index.ts): `elf_page_learnings_fts`, … */
export const pageTable = (kind: SearchKind) => `elf_page_${ftsTable(kind)}`;

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

export interface HitRow {
  kind: SearchKind;
  id: number;
  title: string;
  snippet: string;
  domain: string | null;
  detail: string | null;
  retired: string | null;
  created_at: string;
}

const snippet = (kind: SearchKind) => sql.raw(`snippet(${pageTable(kind)}, -1, '**', '**', '…', 16)`);

/** What a hit shows, for the documents on the page only: the text around the match and the row's fields. */
const hitColumns: Record<SearchKind, RawBuilder<unknown>> = {
  learning: sql`'learning' as kind, t.id, t.title, ${snippet('learning')} as snippet, t.domain,
    t.type as detail, null as retired, t.created_at`,
  heuristic: sql`'heuristic' as kind, t.id, t.rule as title, ${snippet('heuristic')} as snippet, t.domain,
    t.status as detail, case t.status
      when 'retracted' then 'retracted: ' || coalesce(t.status_reason, 'no reason given')
      when 'superseded' then 'superseded' || coalesce(' by #' || t.superseded_by, '') end as retired, t.created_at`,
  decision: sql`'decision' as kind, t.id, t.title, ${snippet('decision')} as snippet, t.domain,
    t.status as detail, case t.status
      when 'superseded' then 'superseded' || coalesce(' by #' || t.superseded_by, '') end as retired, t.created_at`,
  spike_report: sql`'spike_report' as kind, t.id, t.title, ${snippet('spike_report')} as snippet, t.domain,
    null as detail, null as retired, t.created_at`,
};

/**
 * The page's hits of these kinds: each kind's scratch index holds exactly its hits (see
 * page-index.ts), so the MATCH returns them, with the snippet FTS5 makes of each.
 */
export function hitsQuery(match: string, kinds: readonly SearchKind[]) {
  return sql<HitRow>`${sql.join(
    kinds.map((kind) => {
      const page = sql.table(`temp.${pageTable(kind)}`);
      return sql`select * from (select ${hitColumns[kind]} from ${page} join ${sql.table(searchTables[kind])} t
        on t.id = ${page}.rowid where ${sql.raw(pageTable(kind))} match ${match})`;
    }),
    sql` union all `,
  )}`;
}

/** Every statement a search runs, with representative parameters, for EXPLAIN checks. */
export function searchQueries(phrases: readonly string[], take: number, kinds: readonly SearchKind[] = searchKinds) {
  const match = phrases.join(' OR ');
  return [
    { name: 'search generations', query: generationsQuery(kinds) },
    ...kinds.flatMap((kind) => [
      { name: `search ${kind}`, query: rankedQuery(kind, match, take) },
      { name: `search ${kind} phrase scores`, query: termScoresQuery(kind, phrases) },
    ]),
    { name: 'search hits (after createPageIndexes)', query: hitsQuery(match, kinds) },
  ];
}
