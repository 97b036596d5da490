import { goldenRulesQuery, knownDomainsQuery } from '@elf/core';
import type {
  AssumptionRow,
  CeoReviewRow,
  Database,
  DecisionRow,
  ExperimentRow,
  HeuristicRow,
  InvariantRow,
  LearningRow,
  SpikeReportRow,
} from '@elf/schema';
import { type Kysely, type RawBuilder, sql } from 'kysely';

// The statements the context builder runs. Each has a LIMIT and an index (or an FTS MATCH);
// `contextQueries` lists them, with the core queries the builder runs too, for the EXPLAIN test.
// Raw SQL keeps per-build overhead low.

/** The kinds found by full-text match, with their index, table and the columns shown in a context. */
export const ftsTables = {
  heuristic: { fts: 'heuristics_fts', table: 'heuristics', shown: '{rule}' },
  learning: { fts: 'learnings_fts', table: 'learnings', shown: null },
  decision: { fts: 'decisions_fts', table: 'decisions', shown: '{title decision}' },
  invariant: { fts: 'invariants_fts', table: 'invariants', shown: '{statement}' },
  assumption: { fts: 'assumptions_fts', table: 'assumptions', shown: '{assumption}' },
  spike_report: { fts: 'spike_reports_fts', table: 'spike_reports', shown: '{title findings}' },
} as const;
export type MatchedKind = keyof typeof ftsTables;
/** The matched kinds, in the order of their place in ftsTables (kindIndex). */
export const matchedKinds = Object.keys(ftsTables) as MatchedKind[];

export const kindIndex: Record<MatchedKind, number> = {
  heuristic: 0,
  learning: 1,
  decision: 2,
  invariant: 3,
  assumption: 4,
  spike_report: 5,
};

/** One number for an item of a matched kind (builds look items up by it thousands of times). */
export function itemKey(kind: MatchedKind, id: number): number {
  return id * 8 + kindIndex[kind];
}
export interface MatchedRow {
  heuristic: HeuristicRow;
  learning: LearningRow;
  decision: DecisionRow;
  invariant: InvariantRow;
  assumption: AssumptionRow;
  spike_report: SpikeReportRow;
}

const scoped = (projectPath: string | null) =>
  projectPath === null ? sql`t.project_path is null` : sql`(t.project_path is null or t.project_path = ${projectPath})`;

export const statements = {
  /**
   * The items of one full-text index that contain each of `words` (one branch per word and, for
   * kinds that show only some of their columns, per shown / any column), each list one row of
   * comma-separated ids: the task's posting lists, read without bm25 — relevance is computed from
   * them (candidates/gather.ts). One row per list, not per posting: handing rows to JavaScript
   * costs more than FTS5 takes to find them.
   */
  postings: (kind: MatchedKind, words: readonly string[], limit: number) => {
    const { fts, shown } = ftsTables[kind];
    const table = sql.table(fts);
    // Each list newest first and at most `limit` long: a word held by thousands of items (the
    // rarest of a task of common words) costs no more than a rare one.
    const branch = (term: number, match: string, inShown: number) =>
      sql`select ${term} as term, ${inShown} as shown, group_concat(id) as ids from (select rowid as id
        from ${table} where ${table} match ${match} order by rowid desc limit ${limit})`;
    const branches = words.flatMap((word, term) => {
      const quoted = `"${word.replaceAll('"', '""')}"`;
      return shown === null
        ? [branch(term, quoted, 1)]
        : [branch(term, `${shown}: ${quoted}`, 1), branch(term, quoted, 0)];
    });
    return sql<{ term: number; shown: 0 | 1; ids: string | null }>`${sql.join(branches, sql` union all `)}`;
  },
  /** Whole rows of one knowledge table by id (the matched items not already read). */
  byIds: <K extends MatchedKind>(kind: K, ids: readonly number[]) =>
    sql<MatchedRow[K]>`select * from ${sql.table(ftsTables[kind].table)} where id in (${sql.join(ids)})`,
  /** Rules learned from these learnings (heuristics.source_id). */
  learnedFrom: (learningIds: readonly number[]) => sql<HeuristicRow>`
    select t.* from heuristics t where t.source_id in (${sql.join(learningIds)})
      and t.source_type in ('failure', 'success', 'observation')`,
  /**
   * Rules of a learning's domain recorded within `hours` of it (in the same session, as a rule
   * learned from it is): the `nearest` before it and the `nearest` after it, by the time index.
   */
  recordedBeside: (learnings: ReadonlyArray<{ domain: string; created_at: string }>, hours: number, nearest: number) =>
    sql<HeuristicRow & { beside: string }>`${sql.join(
      learnings.flatMap(({ domain, created_at }) => {
        const at = Date.parse(created_at);
        const from = new Date(at - hours * 3_600_000).toISOString();
        const to = new Date(at + hours * 3_600_000).toISOString();
        return [
          sql`select * from (select t.*, ${created_at} as beside from heuristics t
            where t.created_at between ${from} and ${created_at} and t.domain = ${domain}
            order by t.created_at desc limit ${nearest})`,
          sql`select * from (select t.*, ${created_at} as beside from heuristics t
            where t.created_at > ${created_at} and t.created_at <= ${to} and t.domain = ${domain}
            order by t.created_at limit ${nearest})`,
        ];
      }),
      sql` union all `,
    )}`,
  // One index range per domain, each already in order and limited, merged: an IN list would read
  // and sort every row of every domain. The ranges return only ids and sort keys (learnings read
  // them from the covering index alone); whole rows are read for the winners only.
  domainHeuristics: (domains: string[], projectPath: string | null, limit: number) => sql<HeuristicRow>`
    select t.* from (select * from (${sql.join(
      domains.map(
        (domain) => sql`select * from (select t.id, t.confidence, t.times_validated from heuristics t
          where t.domain = ${domain} and t.status = 'active' and t.is_golden = 0 and ${scoped(projectPath)}
          order by t.confidence desc, t.times_validated desc limit ${limit})`,
      ),
      sql` union all `,
    )}) order by confidence desc, times_validated desc limit ${limit}) d
    join heuristics t on t.id = d.id order by d.confidence desc, d.times_validated desc`,
  domainLearnings: (domains: string[], limit: number) => sql<LearningRow>`
    select t.* from (select * from (${sql.join(
      domains.map(
        (domain) =>
          sql`select * from (select id, created_at from learnings where domain = ${domain} order by created_at desc limit ${limit})`,
      ),
      sql` union all `,
    )}) order by created_at desc limit ${limit}) d
    join learnings t on t.id = d.id order by d.created_at desc`,
  domainDecisions: (domains: string[], limit: number) => sql<DecisionRow>`
    select t.* from decisions t where t.status = 'accepted' and (t.domain in (${sql.join(domains)}) or t.domain is null)
    order by t.created_at desc limit ${limit}`,
  domainInvariants: (domains: string[], limit: number) => sql<InvariantRow>`
    select t.* from invariants t where t.status in ('violated', 'active')
      and (t.domain in (${sql.join(domains)}) or t.domain is null)
    order by t.status = 'violated' desc, t.created_at desc limit ${limit}`,
  taggedLearnings: (tags: string[], limit: number) => sql<LearningRow>`
    select t.* from learnings t where t.id in (select learning_id from learning_tags where tag in (${sql.join(tags)}))
    order by t.created_at desc limit ${limit}`,
  // This project's rules: learned here (the origin index, already in order) or scoped to it.
  projectHeuristics: (projectPath: string, limit: number) => sql<HeuristicRow>`
    select t.* from heuristics t where t.id in (
      select id from (select id from heuristics where origin_path = ${projectPath} and status = 'active'
        and is_golden = 0 order by confidence desc limit ${limit})
      union select id from heuristics where project_path = ${projectPath} and status = 'active' and is_golden = 0)
    order by t.confidence desc limit ${limit}`,
  projectLearnings: (projectPath: string, limit: number) => sql<LearningRow>`
    select t.* from learnings t where t.project_path = ${projectPath} order by t.created_at desc limit ${limit}`,
  recentFailures: (since: string, limit: number) => sql<LearningRow>`
    select t.* from learnings t where t.type = 'failure' and t.created_at >= ${since}
    order by t.created_at desc limit ${limit}`,
  activeExperiments: (limit: number) => sql<ExperimentRow>`
    select t.* from experiments t where t.status = 'active' order by t.created_at desc limit ${limit}`,
  pendingReviews: (limit: number) => sql<CeoReviewRow>`
    select t.* from ceo_reviews t where t.status = 'pending' order by t.created_at desc limit ${limit}`,
  /**
   * Documents containing each term, per full-text index (fts5vocab), for the terms wanted of each
   * (`kind` is the index's place in ftsTables; kinds with no terms are not asked).
   */
  termDocuments: (wanted: ReadonlyArray<readonly string[]>) =>
    sql<{ term: string; kind: number; documents: number }>`${sql.join(
      Object.values(ftsTables).flatMap(({ fts }, kind) => {
        const terms = wanted[kind] ?? [];
        return terms.length === 0
          ? []
          : [
              sql`select term, ${kind} as kind, doc as documents from ${sql.table(`${fts}_vocab`)}
                where term in (${sql.join(terms)})`,
            ];
      }),
      sql` union all `,
    )}`,
  /** Every stem of one kind's index with its document count (at most `limit`). */
  vocabulary: (kind: MatchedKind, limit: number) => sql<{ term: string; documents: number }>`
    select term, doc as documents from ${sql.table(`${ftsTables[kind].fts}_vocab`)} limit ${limit}`,
  /** Each full-text index's generation (kept_counts; the kinds that have one). */
  ftsGenerations: () => sql<{ fts: string; n: number }>`
    select key as fts, n from kept_counts where name = 'fts_generation'`,
  /** Items in the full-text indexes: learnings and heuristics from domain_stats, the small tables counted. */
  documentCount: () => sql<{ documents: number }>`
    select (select coalesce(sum(learnings), 0) + coalesce(sum(heuristics), 0) from domain_stats)
      + (select count(*) from decisions) + (select count(*) from spike_reports)
      + (select count(*) from invariants) + (select count(*) from assumptions) as documents`,
} as const;

export async function rows<T>(db: Kysely<Database>, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** Every statement a build runs (its own and core's), with representative parameters, for EXPLAIN checks. */
export function contextQueries(db: Kysely<Database>) {
  const domains = ['database', 'api'];
  const s = statements;
  return Object.entries({
    ...Object.fromEntries(
      (Object.keys(ftsTables) as MatchedKind[]).flatMap(
        (kind): Array<[string, RawBuilder<unknown>]> => [
          [`postings ${kind}`, s.postings(kind, ['migration', 'deadlock'], 800)],
          [`byIds ${kind}`, s.byIds(kind, [1, 2, 3])],
        ],
      ),
    ),
    domainHeuristics: s.domainHeuristics(domains, '/project', 30),
    domainLearnings: s.domainLearnings(domains, 30),
    domainDecisions: s.domainDecisions(domains, 30),
    domainInvariants: s.domainInvariants(domains, 30),
    taggedLearnings: s.taggedLearnings(['sqlite'], 30),
    learnedFrom: s.learnedFrom([1, 2, 3]),
    recordedBeside: s.recordedBeside([{ domain: 'database', created_at: '2026-01-01T00:00:00.000Z' }], 12, 3),
    projectHeuristics: s.projectHeuristics('/project', 30),
    projectLearnings: s.projectLearnings('/project', 30),
    recentFailures: s.recentFailures('2026-01-01T00:00:00.000Z', 30),
    activeExperiments: s.activeExperiments(5),
    pendingReviews: s.pendingReviews(5),
    termDocuments: s.termDocuments(Object.keys(ftsTables).map(() => ['migrat', 'deadlock'])),
    ftsGenerations: s.ftsGenerations(),
    documentCount: s.documentCount(),
  })
    .map(([name, query]) => ({ name, query: query.compile(db) }))
    .concat([
      { name: 'knownDomains (core)', query: knownDomainsQuery(db).compile() },
      {
        name: 'goldenRules (core)',
        query: goldenRulesQuery(db, { categories: [], projectPath: '/project', limit: 200, offset: 0 }).compile(),
      },
      {
        name: 'goldenRules by category (core)',
        query: goldenRulesQuery(db, {
          categories: ['testing'],
          projectPath: '/project',
          limit: 200,
          offset: 0,
        }).compile(),
      },
    ]);
}
