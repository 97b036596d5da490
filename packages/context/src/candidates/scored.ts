import type { RelevanceWeights, Tier } from '../config.js';
import { fieldCoverage, type TermWeights } from '../relevance/coverage.js';
import { relevance } from '../relevance/score.js';
import type { Candidate } from './candidate.js';
import type { CandidateSet } from './candidate-set.js';

// Knowledge that earns its place by one relevance score (candidates/assemble.ts): every kind,
// golden rules included, is scored the same way; the tier is only where it is shown.

/** What the task is, for scoring: its domains, its weighted stems, the project and the weights. */
export interface Task {
  domains: ReadonlySet<string>;
  /** IDF weights of the task's stems (text and tags, plus expansion words), for weighted term coverage. */
  termWeights: TermWeights;
  projectPath: string | null;
  weights: RelevanceWeights;
}

/** An item as scored: where it goes and how it reads, and what relevance() weighs. */
export interface ScoredItem extends Pick<Candidate, 'kind' | 'section' | 'body' | 'prefix' | 'suffix' | 'dedupText'> {
  /** Text that explains the item but is not shown (explanation, rationale, tags): matched at `secondaryText`. */
  secondary: string;
  /** Learned in (or applying only to) this project: shown under "This project", with the project boost. */
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
  let best = 0;
  const ranks = new Map<number, number>();
  for (const row of matches) {
    ranks.set(row.id, row.rank);
    if (row.rank < best) best = row.rank;
  }
  const { textRankShare: share, secondaryText } = task.weights;
  return (id: number, body: string, secondary: string) => {
    const rank = ranks.get(id);
    const bm25 = rank === undefined || best === 0 ? 0 : rank / best;
    // Coverage carries the score; bm25 only modulates it (a weak best match must stay weak).
    return fieldCoverage(task.termWeights, body, secondary, secondaryText) * (1 - share + share * bm25);
  };
}

/** 1 for a task domain, `anyDomain` for an item of none; a project item counts fully when there is no task. */
function domainMatch(task: Task, domain: string | null, project: boolean): number {
  const hasTask = task.termWeights.size > 0 || task.domains.size > 0;
  if (project && !hasTask) return 1;
  return domain === null ? task.weights.anyDomain : task.domains.has(domain) ? 1 : 0;
}

/** Scores each row of one kind with relevance() and adds it as a candidate; `tier` overrides where it is shown. */
export function addScored<R extends Row>(
  set: CandidateSet,
  task: Task,
  rows: readonly R[],
  matches: ReadonlyArray<{ id: number; rank: number }>,
  item: (row: R) => ScoredItem,
  place?: { tier: Tier; score: (score: number, index: number) => number },
): void {
  const text = textRelevance(task, matches);
  rows.forEach((row, index) => {
    const { project, kind, section, body, secondary, prefix, suffix, dedupText, warning, ...quality } = item(row);
    const scored = relevance(
      {
        text: text(row.id, body, secondary),
        domain: domainMatch(task, row.domain, project),
        confidence: quality.confidence,
        timesValidated: quality.timesValidated,
        ageDays: quality.ageDays,
        boost: quality.boost * (project ? task.weights.projectBoost : 1),
      },
      task.weights,
    );
    const tier: Tier = place?.tier ?? (project ? 0 : 2);
    set.add({
      kind,
      id: row.id,
      tier,
      section: tier === 0 ? 'project' : section,
      body,
      bodyTokens: row.token_count,
      prefix,
      suffix,
      score: place ? place.score(scored.score, index) : scored.score,
      why: scored.why,
      domain: row.domain,
      dedupText,
      ...(warning ? { warning } : {}),
    });
  });
}

/** This project's own item: learned here or scoped to it (a global one learned elsewhere is not). */
export function inProject(task: Task, ...paths: Array<string | null | undefined>): boolean {
  return task.projectPath !== null && paths.some((path) => path === task.projectPath);
}
