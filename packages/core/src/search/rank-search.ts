import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { SearchCache } from './search-cache.js';
import { ftsTable, generationsQuery, rankedQuery, type SearchKind, termScoresQuery } from './search-statements.js';
import { offerSums, parseTermScores, type RankedHit, type TermScores, TopHits } from './top-hits.js';

/**
 * The best `take` documents of the kinds for the OR of `phrases`, by bm25 (FTS5's score, to the
 * last bit). Per kind: from the cache's phrase scores when it has them all; by FTS5 when this is
 * the first search on the kind's index generation (nothing kept); otherwise reading the missing
 * phrases' scores, keeping them, and summing.
 */
export async function rankSearch(
  db: Kysely<Database>,
  cache: SearchCache,
  phrases: readonly string[],
  take: number,
  kinds: readonly SearchKind[],
): Promise<readonly RankedHit[]> {
  const top = new TopHits(take, kinds);
  const { rows } = await generationsQuery(kinds).execute(db);
  const generations = new Map(rows.map((row) => [row.fts, row.generation]));
  for (const kind of kinds) {
    const generation = generations.get(ftsTable(kind));
    if (generation !== undefined) cache.sync(kind, generation);
    const scores = phrases.map((phrase) => cache.get(kind, phrase));
    const missing = phrases.filter((_, i) => scores[i] === undefined);
    if (missing.length > 0 && (generation === undefined || !cache.searched(kind))) {
      cache.markSearched(kind);
      const ranked = await rankedQuery(kind, phrases.join(' OR '), take).execute(db);
      for (const { id, score } of ranked.rows) top.offer(kind, id, score);
      continue;
    }
    if (missing.length > 0) {
      const loaded = await termScoresQuery(kind, missing).execute(db);
      for (const row of loaded.rows) {
        const phrase = missing[row.phrase] as string;
        const termScores = parseTermScores(row.ids, row.scores);
        cache.set(kind, phrase, termScores);
        scores[phrases.indexOf(phrase)] = termScores;
      }
    }
    const complete = scores as TermScores[];
    offerSums(kind, complete, cache.scratch(Math.max(0, ...complete.map((s) => s.maxId))), top);
  }
  return top.hits;
}
