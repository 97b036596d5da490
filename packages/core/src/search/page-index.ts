import type { Database } from '@elf/schema';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type SearchKind, searchTables } from './search-statements.js';

// Snippets for a page of hits, from a scratch full-text index that holds those documents only.
// snippet() needs an FTS5 cursor on the document under the query; asking the real index for one
// document costs a lookup of every phrase in every segment of it — a live index, written a row
// at a time, has dozens — and that, ten times a page, was most of a warm search. One TEMP index
// (per connection: nothing written to the database file, allowed on a read-only connection) with
// the real indexes' tokenizer and each kind's indexed columns in its first columns gives the same
// snippet: snippet() depends on the document's text and its phrase instances only (the trailing
// columns a kind does not have stay empty and never score). The rows it indexes also carry what
// a hit shows, so one statement reads the page back.

/** Indexed columns of each searched index and their tokenizer, as the full-text migrations create them. */
export const indexedColumns: Record<SearchKind, readonly string[]> = {
  learning: ['title', 'summary', 'tags', 'domain'],
  heuristic: ['rule', 'explanation', 'domain'],
  decision: ['title', 'context', 'decision', 'rationale', 'options_considered', 'domain'],
  spike_report: ['title', 'topic', 'question', 'findings', 'gotchas', 'tags', 'domain'],
};
export const tokenizer = 'porter unicode61 remove_diacritics 2';

const slots = Math.max(...Object.values(indexedColumns).map((columns) => columns.length));
const slotNames = Array.from({ length: slots }, (_, i) => `c${i}`);
const pageRows = 'elf_search_page_rows';
const pageIndex = 'elf_search_page';

/** What a hit shows besides its snippet, per kind (`t` is the kind's table). */
const shown: Record<SearchKind, string> = {
  learning: `t.title, t.domain, t.type, null, t.created_at`,
  heuristic: `t.rule, t.domain, t.status, case t.status
      when 'retracted' then 'retracted: ' || coalesce(t.status_reason, 'no reason given')
      when 'superseded' then 'superseded' || coalesce(' by #' || t.superseded_by, '') end, t.created_at`,
  decision: `t.title, t.domain, t.status, case t.status
      when 'superseded' then 'superseded' || coalesce(' by #' || t.superseded_by, '') end, t.created_at`,
  spike_report: `t.title, t.domain, null, null, t.created_at`,
};

/** Creates the scratch table and index on this connection (once; harmless again). */
export async function createPageIndexes(db: Kysely<Database>): Promise<void> {
  await sql
    .raw(`create temp table if not exists ${pageRows} (kind text, id integer, title text, domain text,
      detail text, retired text, created_at text, ${slotNames.join(', ')})`)
    .execute(db);
  await sql
    .raw(`create virtual table if not exists temp.${pageIndex} using fts5(${slotNames.join(', ')},
      content='${pageRows}', tokenize='${tokenizer}')`)
    .execute(db);
}

/** The statements that put these documents, and only these, in the scratch index. */
export function fillPageStatements(ids: ReadonlyMap<SearchKind, readonly number[]>): RawBuilder<unknown>[] {
  const selects = [...ids].map(([kind, list]) => {
    const columns = slotNames
      .map((_, i) => indexedColumns[kind][i] ?? 'null')
      .map((c) => (c === 'null' ? c : `t.${c}`));
    return sql`select ${sql.lit(kind)}, t.id, ${sql.raw(shown[kind])}, ${sql.raw(columns.join(', '))}
      from ${sql.table(searchTables[kind])} t where t.id in (${sql.join(list)})`;
  });
  return [
    sql`delete from ${sql.table(`temp.${pageRows}`)}`,
    sql`insert into ${sql.table(`temp.${pageRows}`)} (kind, id, title, domain, detail, retired, created_at,
      ${sql.raw(slotNames.join(', '))}) ${sql.join(selects, sql` union all `)}`,
    sql`insert into ${sql.table(`temp.${pageIndex}`)} (${sql.raw(pageIndex)}) values ('rebuild')`,
  ];
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

/** The page's hits with the snippet FTS5 makes of each under the query. */
export function pageHitsQuery(match: string) {
  return sql<HitRow>`
    select r.kind, r.id, r.title, snippet(${sql.raw(pageIndex)}, -1, '**', '**', '…', 16) as snippet, r.domain,
      r.detail, r.retired, r.created_at
    from ${sql.table(`temp.${pageIndex}`)} f join ${sql.table(`temp.${pageRows}`)} r on r.rowid = f.rowid
    where ${sql.raw(pageIndex)} match ${match}`;
}
