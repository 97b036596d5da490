import type { RelevanceWeights } from '../config.js';
import { type TermWeights, weightedCoverage } from '../relevance/coverage.js';
import { relevance } from '../relevance/score.js';
import type { Candidate } from './candidate.js';
import type { CandidateSet } from './candidate-set.js';

// Tiers 0 and 2: knowledge that earns its place by one relevance score (candidates/assemble.ts).

/** What the task is, for scoring: its domains, its weighted stems, the project and the weights. */
export interface Task {
  domains: ReadonlySet<string>;
  /** IDF weights of the task's stems (text and tags), for weighted term coverage. */
  termWeights: TermWeights;
  projectPath: string | null;
  weights: RelevanceWeights;
}

/** An item as scored: where it goes and how it reads, and what relevance() weighs. */
export interface ScoredItem extends Pick<Candidate, 'kind' | 'section' | 'body' | 'prefix' | 'suffix' | 'dedupText'> {
  /** This project's own item: tier 0 under the project heading, with the project boost. */
  project: boolean;
  confidence: number | null;
  timesValidated: number;
  ageDays: number | null;
  /** The kind's own boost (failures, violated invariants); the project boost is applied here. */
  boost: number;
  warning?: boolean;
}

type Row = { id: number; domain: string | null; token_count: number | null };

/**
 * Text relevance for the rows of one kind: IDF-weighted coverage of the task's words (comparable
 * across kinds), scaled by bm25 relative to the best full-text match of the same kind (bm25 itself
 * depends on table size). `matches` are the kind's full-text hits.
 */
function textRelevance(task: Task, matches: ReadonlyArray<{ id: number; rank: number }>) {
  const best = Math.min(0, ...matches.map((row) => row.rank));
  const ranks = new Map(matches.map((row) => [row.id, row.rank]));
  const share = task.weights.textRankShare;
  return (id: number, body: string) => {
    const rank = ranks.get(id);
    const bm25 = rank === undefined || best === 0 ? 0 : rank / best;
    // Coverage carries the score; bm25 only modulates it (a weak best match must stay weak).
    return weightedCoverage(task.termWeights, body) * (1 - share + share * bm25);
  };
}

/** 1 for a task domain, `anyDomain` for an item of none; a project item counts fully when there is no task. */
function domainMatch(task: Task, domain: string | null, project: boolean): number {
  const hasTask = task.termWeights.size > 0 || task.domains.size > 0;
  if (project && !hasTask) return 1;
  return domain === null ? task.weights.anyDomain : task.domains.has(domain) ? 1 : 0;
}

/** Scores each row of one kind with relevance() and adds it as a candidate. */
export function addScored<R extends Row>(
  set: CandidateSet,
  task: Task,
  rows: readonly R[],
  matches: ReadonlyArray<{ id: number; rank: number }>,
  item: (row: R) => ScoredItem,
): void {
  const text = textRelevance(task, matches);
  for (const row of rows) {
    const { project, kind, section, body, prefix, suffix, dedupText, warning, ...quality } = item(row);
    const { score, why } = relevance(
      {
        text: text(row.id, body),
        domain: domainMatch(task, row.domain, project),
        confidence: quality.confidence,
        timesValidated: quality.timesValidated,
        ageDays: quality.ageDays,
        boost: quality.boost * (project ? task.weights.projectBoost : 1),
      },
      task.weights,
    );
    set.add({
      kind,
      id: row.id,
      tier: project ? 0 : 2,
      section: project ? 'project' : section,
      body,
      bodyTokens: row.token_count,
      prefix,
      suffix,
      score,
      why,
      domain: row.domain,
      dedupText,
      ...(warning ? { warning } : {}),
    });
  }
}

/** This project's own item (a global one, or another project's, is not). */
export function inProject(task: Task, path: string | null): boolean {
  return path !== null && path === task.projectPath;
}
