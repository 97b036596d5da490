import type { Database } from '@elf/schema';
import { type Kysely, sql } from 'kysely';
import { pageTable, type SearchKind, searchKinds, searchTables } from './search-statements.js';

// Snippets for a page of hits, from a scratch full-text index that holds those documents only.
// snippet() needs an FTS5 cursor on the document under the query; asking the real index for one
// document costs a lookup of every phrase in every segment of it — a live index, written a row
// at a time, has dozens — and that, ten times a page, was most of a warm search. A TEMP index
// (per connection, nothing written to the database file, allowed on a read-only connection) with
// the real index's columns and tokenizer, its text read through a TEMP view of the real table,
// gives the same snippet: snippet() depends on the document's text and its phrase instances only.

/** Columns and tokenizer of each searched index, as the full-text migrations create them. */
export const indexedColumns: Record<SearchKind, readonly string[]> = {
  learning: ['title', 'summary', 'tags', 'domain'],
  heuristic: ['rule', 'explanation', 'domain'],
  decision: ['title', 'context', 'decision', 'rationale', 'options_considered', 'domain'],
  spike_report: ['title', 'topic', 'question', 'findings', 'gotchas', 'tags', 'domain'],
};
export const tokenizer = 'porter unicode61 remove_diacritics 2';

const pageView = (kind: SearchKind) => `elf_page_${searchTables[kind]}`;

/** Creates the scratch indexes on this connection (once; harmless again). */
export async function createPageIndexes(db: Kysely<Database>): Promise<void> {
  for (const kind of searchKinds) {
    const columns = indexedColumns[kind].join(', ');
    await sql
      .raw(`create temp view if not exists ${pageView(kind)} as select id, ${columns} from main.${searchTables[kind]}`)
      .execute(db);
    await sql
      .raw(
        `create virtual table if not exists temp.${pageTable(kind)} using fts5(${columns},
          content='${pageView(kind)}', content_rowid='id', tokenize='${tokenizer}')`,
      )
      .execute(db);
  }
}

/** Empties the kind's scratch index and indexes these documents in it. */
export async function fillPageIndex(db: Kysely<Database>, kind: SearchKind, ids: readonly number[]): Promise<void> {
  const table = sql.table(`temp.${pageTable(kind)}`);
  const columns = sql.raw(indexedColumns[kind].join(', '));
  await sql`insert into ${table} (${sql.raw(pageTable(kind))}) values ('delete-all')`.execute(db);
  await sql`insert into ${table} (rowid, ${columns}) select id, ${columns} from ${sql.table(searchTables[kind])}
    where id in (${sql.join(ids)})`.execute(db);
}
