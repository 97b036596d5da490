import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { page } from '../mappers.js';
import { readTransaction } from '../transaction.js';
import type { Page } from '../types.js';
import { limit, offset, queryText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { ftsPhrases } from './fts-query.js';
import { createPageIndexes, fillPageStatements, type HitRow, pageHitsQuery } from './page-index.js';
import { rankSearch } from './rank-search.js';
import { SearchCache } from './search-cache.js';
import { type SearchKind, searchKinds } from './search-statements.js';
import type { RankedHit } from './top-hits.js';

export { type SearchKind, searchKinds } from './search-statements.js';

const searchInput = v.object({
  text: queryText,
  kinds: v.optional(v.array(v.picklist(searchKinds, `each kind must be one of ${searchKinds.join(', ')}`)), [
    ...searchKinds,
  ]),
  limit,
  offset,
});
export type SearchInput = v.InferInput<typeof searchInput>;

export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  /** The best-matching fragment, matches wrapped in `**`. */
  snippet: string;
  /** bm25 with column weights: lower is better. */
  score: number;
  domain: string | null;
  /** learning type, heuristic/decision status. */
  detail: string | null;
  /**
   * Set for knowledge that no longer holds, to show with the hit: `retracted: <reason>` or
   * `superseded by #N` (heuristics), `superseded by #N` (decisions). Null otherwise.
   */
  retired: string | null;
  created_at: string;
}

export interface SearchResult {
  text: string;
  hits: SearchHit[];
  page: Page;
}

/**
 * The page's hits with what they show — titles, snippets, fields — read for these alone: the
 * scratch index is filled with them, and one statement reads them back.
 */
async function showHits(
  db: CoreHandle['db'],
  cache: SearchCache,
  match: string,
  ranked: readonly RankedHit[],
): Promise<SearchHit[]> {
  if (ranked.length === 0) return [];
  if (!cache.pageIndexCreated) {
    await createPageIndexes(db);
    cache.pageIndexCreated = true;
  }
  const ids = new Map<SearchKind, number[]>();
  for (const { kind, id } of ranked) ids.set(kind, [...(ids.get(kind) ?? []), id]);
  for (const statement of fillPageStatements(ids)) await statement.execute(db);
  const rows = new Map<string, HitRow>();
  for (const row of (await pageHitsQuery(match).execute(db)).rows) rows.set(`${row.kind}:${row.id}`, row);
  return ranked.flatMap(({ kind, id, score }) => {
    const row = rows.get(`${kind}:${id}`);
    if (!row) return [];
    const { title, snippet, domain, detail, retired, created_at } = row;
    return [{ kind, id, title, snippet, score, domain, detail, retired, created_at }];
  });
}

/**
 * Full-text search across learnings, heuristics, decisions and spike reports, best matches first:
 * bm25 over the OR of the text's words, the same score FTS5 gives the whole query. Ranked and
 * shown from one snapshot of the database.
 */
export async function search(ctx: CoreHandle, input: SearchInput): Promise<SearchResult> {
  const data = parseInput(searchInput, input);
  const phrases = ftsPhrases(data.text);
  if (phrases.length === 0) return { text: data.text, hits: [], page: page(data.limit, data.offset, 0) };
  const take = data.offset + data.limit;
  const kinds = [...new Set(data.kinds)];
  ctx.searchCache ??= new SearchCache();
  const cache = ctx.searchCache;
  return readTransaction(ctx.db, async (db) => {
    const ranked = await rankSearch(db, cache, phrases, take, kinds);
    const hits = await showHits(db, cache, phrases.join(' OR '), ranked.slice(data.offset, take));
    return { text: data.text, hits, page: page(data.limit, data.offset, hits.length) };
  });
}
