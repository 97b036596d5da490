import type { Database } from '@elf/schema';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { page } from '../mappers.js';
import type { Page } from '../types.js';
import { limit, offset, queryText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { ftsMatchExpression } from './fts-query.js';

export const searchKinds = ['learning', 'heuristic', 'decision', 'spike_report'] as const;
export type SearchKind = (typeof searchKinds)[number];

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

// One ranked statement per FTS table. `rank` is the bm25 with column weights set by the migration;
// ORDER BY rank lets FTS5 sort inside the index. The table name is fixed text, never input.
const statements: Record<SearchKind, (match: string, take: number) => RawBuilder<SearchHit>> = {
  learning: (match, take) => sql<SearchHit>`
    select 'learning' as kind, l.id, l.title, snippet(learnings_fts, -1, '**', '**', '…', 16) as snippet,
      learnings_fts.rank as score, l.domain, l.type as detail, null as retired, l.created_at
    from learnings_fts join learnings l on l.id = learnings_fts.rowid
    where learnings_fts match ${match} order by learnings_fts.rank limit ${take}`,
  heuristic: (match, take) => sql<SearchHit>`
    select 'heuristic' as kind, h.id, h.rule as title, snippet(heuristics_fts, -1, '**', '**', '…', 16) as snippet,
      heuristics_fts.rank as score, h.domain, h.status as detail, case h.status
        when 'retracted' then 'retracted: ' || coalesce(h.status_reason, 'no reason given')
        when 'superseded' then 'superseded' || coalesce(' by #' || h.superseded_by, '') end as retired, h.created_at
    from heuristics_fts join heuristics h on h.id = heuristics_fts.rowid
    where heuristics_fts match ${match} order by heuristics_fts.rank limit ${take}`,
  decision: (match, take) => sql<SearchHit>`
    select 'decision' as kind, d.id, d.title, snippet(decisions_fts, -1, '**', '**', '…', 16) as snippet,
      decisions_fts.rank as score, d.domain, d.status as detail, case d.status
        when 'superseded' then 'superseded' || coalesce(' by #' || d.superseded_by, '') end as retired, d.created_at
    from decisions_fts join decisions d on d.id = decisions_fts.rowid
    where decisions_fts match ${match} order by decisions_fts.rank limit ${take}`,
  spike_report: (match, take) => sql<SearchHit>`
    select 'spike_report' as kind, s.id, s.title, snippet(spike_reports_fts, -1, '**', '**', '…', 16) as snippet,
      spike_reports_fts.rank as score, s.domain, null as detail, null as retired, s.created_at
    from spike_reports_fts join spike_reports s on s.id = spike_reports_fts.rowid
    where spike_reports_fts match ${match} order by spike_reports_fts.rank limit ${take}`,
};

/** The ranked statements of a search, for EXPLAIN checks. */
export function searchQueries(match: string, take: number, kinds: readonly SearchKind[] = searchKinds) {
  return kinds.map((kind) => ({ kind, query: statements[kind](match, take) }));
}

async function runSearch(db: Kysely<Database>, match: string, take: number, kinds: readonly SearchKind[]) {
  const results = await Promise.all(searchQueries(match, take, kinds).map(({ query }) => query.execute(db)));
  return results.flatMap((result) => result.rows).sort((a, b) => a.score - b.score || a.id - b.id);
}

/** Full-text search across learnings, heuristics, decisions and spike reports, best matches first. */
export async function search(ctx: CoreHandle, input: SearchInput): Promise<SearchResult> {
  const data = parseInput(searchInput, input);
  const match = ftsMatchExpression(data.text);
  if (!match) return { text: data.text, hits: [], page: page(data.limit, data.offset, 0) };
  const take = data.offset + data.limit;
  const ranked = await runSearch(ctx.db, match, take, data.kinds);
  const hits = ranked.slice(data.offset, take);
  return { text: data.text, hits, page: page(data.limit, data.offset, hits.length) };
}
