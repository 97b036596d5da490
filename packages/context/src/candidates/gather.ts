import { type Heuristic, itemText } from '@elf/core';
import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { CandidatePool, RelevanceWeights } from '../config.js';
import { type TermWeights, weightedCoverage } from '../relevance/coverage.js';
import type { Gathered } from './assemble.js';
import { findProjectContext } from './project-file.js';
import { rows, statements as s } from './queries.js';

export interface GatherParams {
  /** FTS5 MATCH expression of the task text and tags; null when they have no searchable word. */
  match: string | null;
  tags: string[];
  projectPath: string | null;
  cwd: string | null;
  pool: CandidatePool;
  now: Date;
  golden: Heuristic[];
}

const none = Promise.resolve([] as never[]);

/**
 * First round: full-text matches of the task in every kind, tagged learnings, this project's own
 * knowledge and the background. The pool does not depend on the budget: a small context is
 * chosen from as many candidates as a large one.
 */
export async function gatherFirst(db: Kysely<Database>, p: GatherParams): Promise<Gathered> {
  const since = new Date(p.now.getTime() - 30 * 86_400_000).toISOString();
  const { match: m, pool } = p;
  const [fh, fl, fd, fi, fa, fs, tagged, ph, pl, failures, experiments, reviews] = await Promise.all([
    m ? rows(db, s.ftsHeuristics(m, p.projectPath, pool.heuristics)) : none,
    m ? rows(db, s.ftsLearnings(m, pool.learnings)) : none,
    m ? rows(db, s.ftsDecisions(m, pool.other)) : none,
    m ? rows(db, s.ftsInvariants(m, pool.other)) : none,
    m ? rows(db, s.ftsAssumptions(m, pool.other)) : none,
    m ? rows(db, s.ftsSpikes(m, pool.other)) : none,
    p.tags.length ? rows(db, s.taggedLearnings(p.tags, pool.other)) : none,
    p.projectPath ? rows(db, s.projectHeuristics(p.projectPath, pool.project)) : none,
    p.projectPath ? rows(db, s.projectLearnings(p.projectPath, Math.ceil(pool.project / 2))) : none,
    rows(db, s.recentFailures(since, 10)),
    rows(db, s.activeExperiments(5)),
    rows(db, s.pendingReviews(5)),
  ]);
  return {
    projectFile: p.cwd ? findProjectContext(p.cwd) : null,
    projectHeuristics: ph,
    projectLearnings: pl,
    golden: p.golden,
    fts: { heuristics: fh, learnings: fl, decisions: fd, invariants: fi, assumptions: fa, spikes: fs },
    bridged: { heuristics: [], learnings: [] },
    domain: { heuristics: [], learnings: [], decisions: [], invariants: [] },
    tagged,
    background: { failures, experiments, reviews },
  };
}

/**
 * Domains the task is evidently about, read off its strongest full-text matches: each match
 * covering at least `feedbackMinCoverage` of the task votes for its domain with its coverage.
 * This finds the domain of "logged out after leaving a tab open" from a past failure about
 * refresh tokens, so the domain's best rules come along even when they share no word with the task.
 */
export function feedbackDomains(g: Gathered['fts'], termWeights: TermWeights, w: RelevanceWeights): string[] {
  const votes = new Map<string, number>();
  const vote = (domain: string | null, body: string) => {
    if (!domain) return;
    const coverage = weightedCoverage(termWeights, body);
    if (coverage >= w.feedbackMinCoverage) votes.set(domain, (votes.get(domain) ?? 0) + coverage);
  };
  for (const h of g.heuristics) vote(h.domain, itemText('heuristic', h));
  for (const l of g.learnings) vote(l.domain, itemText('learning', l));
  for (const d of g.decisions) vote(d.domain, itemText('decision', d));
  for (const i of g.invariants) vote(i.domain, itemText('invariant', i));
  for (const sp of g.spikes) vote(sp.domain, itemText('spike_report', sp));
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, v]) => v >= top / 2)
    .slice(0, w.feedbackDomains)
    .map(([domain]) => domain);
}

/**
 * Second round, what the first round taught: heuristics and learnings that match the words the
 * strongest first-round matches share (`bridge`, a MATCH over expansion words: a symptom's past
 * failure leads to the rule recorded beside it), and the best of the task's domains.
 */
export async function gatherSecond(
  db: Kysely<Database>,
  g: Gathered,
  p: { bridge: string | null; domains: string[]; projectPath: string | null; pool: CandidatePool },
): Promise<Gathered> {
  const { bridge, domains, pool } = p;
  const some = domains.length > 0;
  const [bh, bl, dh, dl, dd, di] = await Promise.all([
    bridge ? rows(db, s.ftsHeuristics(bridge, p.projectPath, pool.bridged)) : none,
    bridge ? rows(db, s.ftsLearnings(bridge, Math.ceil(pool.bridged / 2))) : none,
    some ? rows(db, s.domainHeuristics(domains, p.projectPath, pool.domain)) : none,
    some ? rows(db, s.domainLearnings(domains, pool.domain)) : none,
    some ? rows(db, s.domainDecisions(domains, pool.other)) : none,
    some ? rows(db, s.domainInvariants(domains, pool.other)) : none,
  ]);
  return {
    ...g,
    bridged: { heuristics: bh, learnings: bl },
    domain: { heuristics: dh, learnings: dl, decisions: dd, invariants: di },
  };
}
