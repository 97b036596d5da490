import type { Heuristic } from '@elf/core';
import type { Database, HeuristicRow, LearningRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { CorpusCache } from '../build/corpus-cache.js';
import type { CandidatePool, RelevanceWeights } from '../config.js';
import type { Gathered, Matched } from './assemble.js';
import { byConfidence, grouped, merged, newestFirst, perDomain, perLearning, violatedFirst } from './kept-lookups.js';
import { findProjectContext } from './project-file.js';
import { kindIndex, type MatchedKind, type MatchedRow, matchedKinds, rows, statements as s } from './queries.js';

// Reads the candidates of a build. Items are found by the task's words through their posting
// lists (every item that holds a chosen word, not a bm25 top-k: relevance is computed from the
// postings themselves), then by domain, project, tags and the background. Rows already read are
// kept by the CorpusCache until the data changes, so a warm builder reads postings and little else.

/** A word searched for: its stem (what relevance weighs) and a surface form (what FTS5 is asked). */
export interface Term {
  stem: string;
  word: string;
}

/**
 * What each matched item holds of the searched words: its itemKey → Σ IDF weight of the words it
 * holds (a word only in what explains the item at the secondary weight) — the numerator of its
 * coverage of the task (candidates/scored.ts).
 */
export type Hits = Map<number, number>;

const none = Promise.resolve([] as never[]);

/** Adds what the items holding `terms` (in these kinds) cover of the task to `hits` (new items after those it held). */
export async function readHits(
  cache: CorpusCache,
  kinds: readonly MatchedKind[],
  terms: readonly Term[],
  weights: ReadonlyMap<string, number>,
  w: Pick<RelevanceWeights, 'secondaryText' | 'maxPostings'>,
  hits: Hits,
): Promise<void> {
  if (terms.length === 0) return;
  const secondaryWeight = w.secondaryText;
  const lists = await Promise.all(kinds.map((kind) => cache.postings(kind, terms, w.maxPostings)));
  kinds.forEach((kind, k) => {
    const code = kindIndex[kind];
    (lists[k] ?? []).forEach((list, t) => {
      const weight = weights.get((terms[t] as Term).stem) ?? 0;
      const secondary = weight * secondaryWeight;
      const { ids, shown } = list;
      for (let i = 0; i < ids.length; i++) {
        const key = (ids[i] as number) * 8 + code;
        hits.set(key, (hits.get(key) ?? 0) + (shown[i] === 1 ? weight : secondary));
      }
    });
  });
}

/** Whether a matched row may be shown: active knowledge that applies here (a heuristic: global or this project's). */
const usable: { [K in MatchedKind]: (row: MatchedRow[K], projectPath: string | null) => boolean } = {
  heuristic: (h, projectPath) => h.status === 'active' && (h.project_path === null || h.project_path === projectPath),
  learning: () => true,
  decision: (d) => d.status === 'accepted',
  invariant: (i) => i.status === 'active' || i.status === 'violated',
  assumption: (a) =>
    a.status === 'challenged' || a.status === 'invalidated' || (a.status === 'active' && a.confidence >= 0.6),
  spike_report: () => true,
};

/**
 * The `limit` items of `hits` that cover the most of the task (ties: the first found), per kind,
 * counting only the items after the first `from` (Map order is the order found: a second round
 * passes how many the first had). Every item holding a word was counted; only these are read and
 * scored in full.
 */
export function bestFound(hits: Hits, limit: number, from = 0): Map<MatchedKind, number[]> {
  const count = hits.size - from;
  const best = new Map<MatchedKind, number[]>();
  if (count <= 0 || limit <= 0) return best;
  // The limit-th largest coverage, then every item above it and as many at it as there is room
  // (forEach: a for-of over a Map allocates an entry per item).
  let threshold = Number.NEGATIVE_INFINITY;
  let atThreshold = limit;
  if (count > limit) {
    const covered = new Float64Array(count);
    let i = 0;
    hits.forEach((value) => {
      if (i >= from) covered[i - from] = value;
      i++;
    });
    covered.sort();
    threshold = covered[count - limit] as number;
    let above = 0;
    for (let k = count - limit + 1; k < count; k++) if ((covered[k] as number) > threshold) above++;
    atThreshold = limit - above;
  }
  let index = 0;
  hits.forEach((value, key) => {
    if (index++ < from || value < threshold) return;
    if (value === threshold) {
      if (atThreshold <= 0) return;
      atThreshold--;
    }
    const kind = matchedKinds[key % 8] as MatchedKind;
    const ids = best.get(kind);
    if (ids) ids.push(Math.floor(key / 8));
    else best.set(kind, [Math.floor(key / 8)]);
  });
  return best;
}

/** The usable rows of the items found, added to `matched`. */
export async function readMatched(
  cache: CorpusCache,
  found: Map<MatchedKind, number[]>,
  projectPath: string | null,
  matched: Matched,
): Promise<void> {
  await Promise.all(
    [...found].map(async ([kind, ids]) => {
      const byId = await cache.rows(kind, ids);
      const list = matched[kind] as Array<MatchedRow[typeof kind]>;
      for (const id of ids) {
        const row = byId.get(id);
        if (row && usable[kind](row as never, projectPath)) list.push(row);
      }
    }),
  );
}

export interface GatherParams {
  terms: readonly Term[];
  /** The task's IDF weights, by stem. */
  weights: ReadonlyMap<string, number>;
  tags: string[];
  projectPath: string | null;
  cwd: string | null;
  pool: CandidatePool;
  now: Date;
  golden: Heuristic[];
  relevance: RelevanceWeights;
}

export function emptyMatched(): Matched {
  return { heuristic: [], learning: [], decision: [], invariant: [], assumption: [], spike_report: [] };
}

/**
 * First round: every item holding one of the task's chosen words, tagged learnings, this
 * project's own knowledge and the background (those read once per data version).
 */
export async function gatherFirst(db: Kysely<Database>, cache: CorpusCache, p: GatherParams): Promise<Gathered> {
  const hour = 3_600_000;
  const since = new Date(Math.floor((p.now.getTime() - 30 * 86_400_000) / hour) * hour).toISOString();
  const { pool, projectPath } = p;
  const hits: Hits = new Map();
  const tags = p.tags.join(',');
  const [, tagged, ph, pl, background] = await Promise.all([
    readHits(cache, matchedKinds, p.terms, p.weights, p.relevance, hits),
    p.tags.length ? cache.memo(`tagged:${tags}`, () => rows(db, s.taggedLearnings(p.tags, pool.other))) : none,
    projectPath
      ? cache.memo(`project heuristics:${projectPath}`, () => rows(db, s.projectHeuristics(projectPath, pool.project)))
      : none,
    projectPath
      ? cache.memo(`project learnings:${projectPath}`, () =>
          rows(db, s.projectLearnings(projectPath, Math.ceil(pool.project / 2))),
        )
      : none,
    cache.memo(`background:${since}`, async () => {
      const [failures, experiments, reviews] = await Promise.all([
        rows(db, s.recentFailures(since, 10)),
        rows(db, s.activeExperiments(5)),
        rows(db, s.pendingReviews(5)),
      ]);
      return { failures, experiments, reviews };
    }),
  ]);
  const matched = emptyMatched();
  await readMatched(cache, bestFound(hits, pool.matched), projectPath, matched);
  return {
    projectFile: p.cwd ? findProjectContext(p.cwd) : null,
    projectHeuristics: ph,
    projectLearnings: pl,
    golden: p.golden,
    matched,
    hits,
    bridges: new Map(),
    domain: { heuristics: [], learnings: [], decisions: [], invariants: [] },
    tagged,
    background,
  };
}

/**
 * Second round, what the first round taught: items holding the words the strongest matches share
 * (`bridge`: a symptom's past failure leads to the rule recorded beside it), and the best of the
 * task's domains.
 */
export async function gatherSecond(
  db: Kysely<Database>,
  cache: CorpusCache,
  g: Gathered,
  p: {
    bridge: readonly Term[];
    /** The expanded weights (the bridge words' among them). */
    termWeights: ReadonlyMap<string, number>;
    /** The learnings that match the task best, with their coverage: their rules come along. */
    learnings: ReadonlyArray<{ row: LearningRow; coverage: number }>;
    domains: string[];
    projectPath: string | null;
    pool: CandidatePool;
    weights: RelevanceWeights;
  },
): Promise<Gathered> {
  const { domains, pool, projectPath, learnings, weights: w } = p;
  // Items the first round did not find are the ones after its count in the map (the order found).
  const before = g.hits.size;
  const [, dh, dl, dd, di, learned, beside] = await Promise.all([
    readHits(cache, ['heuristic', 'learning'], p.bridge, p.termWeights, w, g.hits),
    perDomain(cache, `domain heuristics:${projectPath}`, domains, (d) =>
      s.domainHeuristics(d, projectPath, pool.domain),
    ).then((lists) => merged(lists, pool.domain, byConfidence)),
    perDomain(cache, 'domain learnings', domains, (d) => s.domainLearnings(d, pool.domain)).then((lists) =>
      merged(lists, pool.domain, newestFirst),
    ),
    perDomain(cache, 'domain decisions', domains, (d) => s.domainDecisions(d, pool.other)).then((lists) =>
      merged(lists, pool.other, newestFirst),
    ),
    perDomain(cache, 'domain invariants', domains, (d) => s.domainInvariants(d, pool.other)).then((lists) =>
      merged(lists, pool.other, violatedFirst),
    ),
    perLearning(cache, 'learned from', learnings, async (rowsOf) =>
      grouped(await rows(db, s.learnedFrom(rowsOf.map((l) => l.id))), (h) => h.source_id as number),
    ),
    w.besideHours > 0
      ? perLearning(cache, 'recorded beside', learnings, async (rowsOf) => {
          const byTime = new Map(rowsOf.map((l) => [l.created_at, l.id]));
          const found = await rows(db, s.recordedBeside(rowsOf, w.besideHours, w.besideNearest));
          return grouped(found, (h) => byTime.get(h.beside) as number);
        })
      : none,
  ]);
  // A rule learned from (or recorded beside) a learning that matches the task answers it as
  // well as that learning's words do, a little less: the learning describes the symptom, the rule
  // the cause.
  const covers = new Map(learnings.map((l) => [l.row.id, l]));
  const at = new Map(learnings.map((l) => [l.row.created_at, l]));
  const bridges = new Map(g.bridges);
  const bridge = (h: HeuristicRow, share: number, from: { coverage: number } | undefined) => {
    if (!from || !usable.heuristic(h, projectPath)) return;
    const value = share * from.coverage;
    if (value > (bridges.get(h.id) ?? 0)) bridges.set(h.id, value);
  };
  for (const h of learned) bridge(h, w.sourceBridge, covers.get(h.source_id as number));
  for (const h of beside) bridge(h, w.besideBridge, at.get(h.beside));
  const linked = [...learned, ...beside].filter((h) => bridges.has(h.id));
  await readMatched(cache, bestFound(g.hits, pool.bridged, before), projectPath, g.matched);
  return {
    ...g,
    bridges,
    domain: { heuristics: [...linked, ...dh], learnings: dl, decisions: dd, invariants: di },
  };
}
