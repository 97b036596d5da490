import { type Heuristic, itemText } from '@elf/core';
import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { RelevanceWeights } from '../config.js';
import { type TermWeights, weightedCoverage } from '../relevance/coverage.js';
import type { Gathered } from './assemble.js';
import { findProjectContext } from './project-file.js';
import { rows, statements as s } from './queries.js';

export interface GatherParams {
  /** FTS5 MATCH expression of the task text and tags; null when they have no searchable word. */
  match: string | null;
  /** The caller's domain (then nothing is inferred), else domains inferred from the task's words. */
  domain: string | null;
  inferredDomains: string[];
  tags: string[];
  projectPath: string | null;
  cwd: string | null;
  /** Candidates per query. */
  k: number;
  now: Date;
  termWeights: TermWeights;
  golden: Heuristic[];
  weights: RelevanceWeights;
}

/**
 * Domains the task is evidently about, read off its strongest full-text matches: each match
 * covering at least `feedbackMinCoverage` of the task votes for its domain with its coverage.
 * This finds the domain of "logged out after leaving a tab open" from a past failure about
 * refresh tokens, so the domain's best rules come along even when they share no word with the task.
 */
function feedbackDomains(g: Gathered['fts'], p: GatherParams): string[] {
  const votes = new Map<string, number>();
  const vote = (domain: string | null, body: string) => {
    if (!domain) return;
    const coverage = weightedCoverage(p.termWeights, body);
    if (coverage >= p.weights.feedbackMinCoverage) votes.set(domain, (votes.get(domain) ?? 0) + coverage);
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
    .slice(0, p.weights.feedbackDomains)
    .map(([domain]) => domain);
}

/** Runs the candidate queries: full-text, tags, project and background first, then domains. */
export async function gather(
  db: Kysely<Database>,
  p: GatherParams,
): Promise<{ gathered: Gathered; domains: string[] }> {
  const since = new Date(p.now.getTime() - 30 * 86_400_000).toISOString();
  const m = p.match;
  const none = Promise.resolve([] as never[]);
  const [fh, fl, fd, fi, fa, fs, tagged, ph, pl, failures, experiments, reviews] = await Promise.all([
    m ? rows(db, s.ftsHeuristics(m, p.projectPath, p.k)) : none,
    m ? rows(db, s.ftsLearnings(m, p.k)) : none,
    m ? rows(db, s.ftsDecisions(m, p.k)) : none,
    m ? rows(db, s.ftsInvariants(m, p.k)) : none,
    m ? rows(db, s.ftsAssumptions(m, p.k)) : none,
    m ? rows(db, s.ftsSpikes(m, p.k)) : none,
    p.tags.length ? rows(db, s.taggedLearnings(p.tags, p.k)) : none,
    p.projectPath ? rows(db, s.projectHeuristics(p.projectPath, p.k)) : none,
    p.projectPath ? rows(db, s.projectLearnings(p.projectPath, Math.ceil(p.k / 3))) : none,
    rows(db, s.recentFailures(since, 10)),
    rows(db, s.activeExperiments(5)),
    rows(db, s.pendingReviews(5)),
  ]);
  const fts = { heuristics: fh, learnings: fl, decisions: fd, invariants: fi, assumptions: fa, spikes: fs };
  const domains = p.domain ? [p.domain] : [...new Set([...p.inferredDomains, ...feedbackDomains(fts, p)])].slice(0, 10);
  const [dh, dl, dd, di] = await Promise.all(
    domains.length
      ? [
          rows(db, s.domainHeuristics(domains, p.projectPath, p.k)),
          rows(db, s.domainLearnings(domains, p.k)),
          rows(db, s.domainDecisions(domains, p.k)),
          rows(db, s.domainInvariants(domains, p.k)),
        ]
      : [none, none, none, none],
  );
  return {
    domains,
    gathered: {
      projectFile: p.cwd ? findProjectContext(p.cwd) : null,
      projectHeuristics: ph,
      projectLearnings: pl,
      golden: p.golden,
      fts,
      domain: { heuristics: dh, learnings: dl, decisions: dd, invariants: di },
      tagged,
      background: { failures, experiments, reviews },
    },
  };
}
