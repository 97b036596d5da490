import type { Database } from '@elf/schema';
import type { CompiledQuery, Kysely } from 'kysely';
import { ftsPhrases } from '../search/fts-query.js';
import { searchQueries } from '../search/search-queries.js';
import { durationsFromTopQuery, queryTotalsQuery, statisticsCountsQuery } from '../statistics/statistics-queries.js';
import { goldenRulesQuery } from './golden-rules.js';
import { assumptionsQuery, decisionsQuery, invariantsQuery } from './knowledge-lists.js';
import { heuristicsByDomainQuery, learningsByDomainQuery } from './query-by-domain.js';
import { learningsByTagsQuery } from './query-by-tags.js';
import { recentLearningsQuery } from './query-recent.js';
import { spikeReportsQuery } from './spike-reports.js';
import { violationsQuery } from './violations.js';
import { ceoReviewsQuery, experimentsQuery } from './workflow-lists.js';

export interface HotQuery {
  name: string;
  query: CompiledQuery;
}

/**
 * Every query on an agent's hot path, and the reads behind statistics, compiled with representative
 * parameters, built by the same functions that run them. Tests and `explainHotQueries` EXPLAIN
 * each one: none may scan a table (the summaries triggers keep, a row per domain or day, are read
 * whole on purpose).
 */
export function hotQueries(db: Kysely<Database>, projectPath: string | null = '/project'): HotQuery[] {
  const since = '2026-01-01T00:00:00.000Z';
  const page = { limit: 10, offset: 0 };
  const queries: HotQuery[] = [
    {
      name: 'heuristics by domain',
      query: heuristicsByDomainQuery(db, { domain: 'testing', projectPath, ...page }).compile(),
    },
    {
      name: 'learnings by domain',
      query: learningsByDomainQuery(db, { domain: 'testing', projectPath, ...page }).compile(),
    },
    { name: 'learnings by tags', query: learningsByTagsQuery(db, { tags: ['sqlite', 'wal'], ...page }).compile() },
    { name: 'recent learnings', query: recentLearningsQuery(db, { since, type: null, ...page }).compile() },
    { name: 'recent failures', query: recentLearningsQuery(db, { since, type: 'failure', ...page }).compile() },
    { name: 'golden rules', query: goldenRulesQuery(db, { categories: [], projectPath, ...page }).compile() },
    { name: 'decisions', query: decisionsQuery(db, { domain: 'testing', status: 'accepted', ...page }).compile() },
    {
      name: 'invariants',
      query: invariantsQuery(db, {
        domain: 'testing',
        status: 'active',
        scope: null,
        severity: null,
        ...page,
      }).compile(),
    },
    {
      name: 'assumptions',
      query: assumptionsQuery(db, { domain: 'testing', status: 'active', min_confidence: 0.6, ...page }).compile(),
    },
    {
      name: 'spike reports',
      query: spikeReportsQuery(db, { domain: 'testing', tags: [], match: null, ...page }).compile(),
    },
    { name: 'experiments', query: experimentsQuery(db, { status: 'active', ...page }).compile() },
    { name: 'ceo reviews', query: ceoReviewsQuery(db, { status: 'pending', ...page }).compile() },
    { name: 'violations', query: violationsQuery(db, { since, acknowledged: null, ...page }).compile() },
  ];
  for (const { name, query } of searchQueries(ftsPhrases('database migration failed'), 10)) {
    queries.push({ name, query: query.compile(db) });
  }
  queries.push(
    { name: 'statistics counts', query: statisticsCountsQuery(db) },
    { name: 'statistics query totals', query: queryTotalsQuery(db, '2026-11-26') },
    { name: 'statistics p95', query: durationsFromTopQuery(db, 5, 3) },
  );
  return queries;
}
