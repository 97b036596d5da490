import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { Elf, type SearchKind, type SearchResult, searchKinds, seededRandom } from '../src/index.js';
import { ftsPhrases } from '../src/search/fts-query.js';
import { indexedColumns, tokenizer } from '../src/search/page-index.js';
import { SearchCache } from '../src/search/search-cache.js';
import { openTempElf } from './support/temp-elf.js';

// Words chosen to collide: stems shared by several words, identifiers FTS5 splits, folded
// letters, and a few words in almost every document (long posting lists).
const vocabulary = [
  'migration',
  'migrations',
  'migrate',
  'deadlock',
  'deadlocks',
  'lock',
  'locks',
  'user_id',
  'über',
  'café',
  'cache',
  'token',
  'refresh',
  'retry',
  'timeout',
  'index',
  'query',
  'the',
  'worker',
  'queue',
  'payments',
  'schema',
  'rollback',
  'build',
  'database',
];
const common = ['service', 'error', 'service error'];

async function corpus(elf: Elf, seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const text = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () =>
      random() < 0.3 ? pick(common) : pick(vocabulary),
    ).join(' ');
  const twin = { title: text(3, 6), summary: text(5, 12) };
  for (let i = 0; i < 120; i++) {
    // Every tenth learning is the same text: equal scores, ordered by id.
    const { title, summary } = i % 10 === 0 ? twin : { title: text(2, 8), summary: text(0, 20) };
    await elf.recordLearning({
      type: 'failure',
      title,
      summary,
      domain: pick(['api', 'database']),
      tags: pick(vocabulary).replace(/_/g, '-'),
    });
  }
  for (let i = 0; i < 50; i++) {
    await elf.recordHeuristic({ domain: 'database', rule: text(4, 12), explanation: text(0, 10), force: true });
  }
  for (let i = 0; i < 15; i++) {
    await elf.recordDecision({ title: text(2, 5), context: text(3, 8), decision: text(2, 6), rationale: text(2, 8) });
    await elf.recordSpikeReport({ title: text(2, 5), topic: text(1, 3), question: text(3, 6), findings: text(5, 15) });
  }
  const queries = Array.from({ length: 40 }, () => text(1, 9));
  return { queries, random, pick };
}

const tables: Record<SearchKind, string> = {
  learning: 'learnings',
  heuristic: 'heuristics',
  decision: 'decisions',
  spike_report: 'spike_reports',
};

/**
 * The ranking the old search produced, without any of the new machinery: FTS5's bm25 for the
 * whole OR query over every match of every kind, best first (ties by id, then kind order), and
 * FTS5's snippet under the whole query.
 */
async function oracle(elf: Elf, text: string, kinds: readonly SearchKind[], limit: number, offset: number) {
  const match = ftsPhrases(text).join(' OR ');
  const all: Array<{ kind: SearchKind; id: number; score: number; snippet: string }> = [];
  for (const kind of kinds) {
    const fts = `${tables[kind]}_fts`;
    const { rows } = await sql<{ id: number; score: number; snippet: string }>`
      select rowid as id, rank as score, snippet(${sql.table(fts)}, -1, '**', '**', '…', 16) as snippet
      from ${sql.table(fts)} where ${sql.table(fts)} match ${match}`.execute(elf.db);
    for (const row of rows) all.push({ kind, ...row });
  }
  all.sort((a, b) => a.score - b.score || a.id - b.id || kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  return all.slice(offset, offset + limit);
}

const ranking = (result: SearchResult) =>
  result.hits.map(({ kind, id, score, snippet }) => ({ kind, id, score, snippet }));

describe('search ranking', () => {
  it.each([1, 2, 3])(
    'is FTS5’s bm25 for the whole query, to the last bit, whether ranked by FTS5 or from cached phrase scores (seed %i)',
    async (seed) => {
      const { elf } = await openTempElf();
      const { queries, random, pick } = await corpus(elf, seed);
      let fromCache = 0;
      const held = () => elf.core.searchCache?.postings ?? 0;
      for (const text of queries) {
        const kinds = random() < 0.7 ? [...searchKinds] : [pick(searchKinds), pick(searchKinds)];
        const limit = pick([1, 3, 10, 50]);
        const offset = pick([0, 0, 2, 7]);
        const expected = await oracle(elf, text, [...new Set(kinds)], limit, offset);
        elf.core.searchCache = undefined;
        const first = await elf.search({ text, kinds, limit, offset }); // ranked by FTS5
        expect(ranking(first)).toEqual(expected);
        await elf.search({ text, kinds, limit, offset }); // reads and keeps the phrase scores
        const postings = held();
        const cached = await elf.search({ text, kinds, limit, offset }); // all from the cache
        expect(held()).toBe(postings);
        expect(ranking(cached)).toEqual(expected);
        expect(cached).toEqual(first);
        if (postings > 0 && expected.length > 0) fromCache++;
      }
      expect(fromCache).toBeGreaterThan(20);
    },
  );

  it('sees what another connection wrote, at once', async () => {
    const { elf, path } = await openTempElf();
    await corpus(elf, 4);
    const text = 'deadlock migration worker';
    for (let i = 0; i < 3; i++) await elf.search({ text, limit: 500 });
    const other = await Elf.open({ path, projectPath: null });
    try {
      const { id } = await other.recordLearning({
        type: 'failure',
        title: 'deadlock deadlock migration worker',
        domain: 'database',
      });
      const after = await elf.search({ text, limit: 500 });
      expect(after.hits.map((h) => `${h.kind}:${h.id}`)).toContain(`learning:${id}`);
      expect(ranking(after)).toEqual(await oracle(elf, text, searchKinds, 500, 0));
      await other.db.updateTable('learnings').set({ title: 'nothing to see' }).where('id', '=', id).execute();
      for (let i = 0; i < 3; i++) {
        const again = await elf.search({ text, limit: 500 });
        expect(again.hits.map((h) => `${h.kind}:${h.id}`)).not.toContain(`learning:${id}`);
        expect(ranking(again)).toEqual(await oracle(elf, text, searchKinds, 500, 0));
      }
    } finally {
      await other.close();
    }
  });

  it('stays exact when the cache is too small to keep every phrase', async () => {
    const { elf } = await openTempElf();
    const { queries } = await corpus(elf, 5);
    elf.core.searchCache = new SearchCache(40);
    for (const text of queries.slice(0, 15)) {
      for (let i = 0; i < 2; i++) {
        expect(ranking(await elf.search({ text }))).toEqual(await oracle(elf, text, searchKinds, 10, 0));
      }
      expect(elf.core.searchCache.postings).toBeLessThanOrEqual(40);
    }
  });

  it('builds snippets in scratch indexes shaped like the real ones (columns, tokenizer)', async () => {
    const { elf } = await openTempElf();
    for (const kind of searchKinds) {
      const { rows } = await sql<{ sql: string }>`
        select sql from sqlite_master where name = ${`${tables[kind]}_fts`}`.execute(elf.db);
      const args =
        /using fts5\((.*)\)$/is
          .exec(rows[0]?.sql ?? '')?.[1]
          ?.split(',')
          .map((a) => a.trim()) ?? [];
      expect(args.filter((a) => !a.includes('='))).toEqual(indexedColumns[kind]);
      expect(args).toContain(`tokenize='${tokenizer}'`);
    }
  });

  it('ranks documents with very large ids the same way (sums in a map, not a dense array)', async () => {
    const { elf } = await openTempElf();
    await corpus(elf, 6);
    await elf.db
      .insertInto('learnings')
      .values({ id: 50_000_000, type: 'failure', title: 'deadlock in the migration worker', domain: 'database' })
      .execute();
    const text = 'deadlock migration worker';
    for (let i = 0; i < 3; i++) {
      const result = await elf.search({ text, limit: 20 });
      expect(ranking(result)).toEqual(await oracle(elf, text, searchKinds, 20, 0));
      expect(result.hits.some((h) => h.id === 50_000_000)).toBe(true);
    }
    expect(elf.core.searchCache?.postings).toBeGreaterThan(0);
  });
});
