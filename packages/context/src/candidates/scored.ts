import type { RelevanceWeights, Tier } from '../config.js';
import type { TermWeights } from '../relevance/coverage.js';
import { relevance } from '../relevance/score.js';
import type { Candidate, CandidateKind } from './candidate.js';
import type { CandidateSet } from './candidate-set.js';
import { itemKey, type MatchedKind } from './queries.js';

// Knowledge that earns its place by one relevance score (candidates/assemble.ts): every kind,
// golden rules included, is scored the same way; the tier is only where it is shown.

/** What the task is, for scoring: its domains, its weighted stems, the project and the weights. */
export interface Task {
  /** The task's domains, each with how sure the build is of it (1 = given or read off the strongest matches). */
  domains: ReadonlyMap<string, number>;
  /** IDF weights of the task's stems (text and tags, plus expansion words), for weighted term coverage. */
  termWeights: TermWeights;
  /**
   * Whether the task says anything (words, tags or a domain). A task whose words no item holds
   * still says something: nothing matches it, which is not the same as being asked for the best.
   */
  hasTask: boolean;
  /** What each matched item holds of the searched words (candidates/gather.ts). */
  hits: ReadonlyMap<number, number>;
  /** Text relevance carried over to heuristics from the learnings they were learned from or recorded beside. */
  bridges?: ReadonlyMap<number, number>;
  projectPath: string | null;
  weights: RelevanceWeights;
}

/** What relevance() weighs of an item, besides its text. */
export interface ScoredItem {
  /** The kind whose postings hold the item (a golden rule's are a heuristic's). */
  matchKind: MatchedKind;
  /** Learned in (or applying only to) this project: shown under "This project", with the project boost. */
  project: boolean;
  confidence: number | null;
  timesValidated: number;
  ageDays: number | null;
  /** The kind's own boost (failures, violated invariants); the project boost is applied here. */
  boost: number;
  warning?: boolean;
}

/** How an item reads in a context: built only for the candidates that are packed (or explained). */
export type Presentation = Pick<Candidate, 'section' | 'body' | 'prefix' | 'suffix' | 'dedupText'>;

type Row = { id: number; domain: string | null; token_count: number | null };

/**
 * Text relevance: the share of the task's information (its stems weighted by IDF) an item holds,
 * from its postings — a word only in what explains the item (a rule's explanation, a decision's
 * rationale) counts `secondaryText` of its weight. Comparable across kinds, unlike bm25.
 */
export function coverage(task: Pick<Task, 'termWeights' | 'hits' | 'bridges'>, kind: MatchedKind, id: number): number {
  const held = task.hits.get(itemKey(kind, id));
  const bridged = kind === 'heuristic' ? (task.bridges?.get(id) ?? 0) : 0;
  if (held === undefined) return bridged;
  const total = totalWeight(task.termWeights);
  return total === 0 ? bridged : Math.max(held / total, bridged);
}

const totals = new WeakMap<TermWeights, number>();

/** Σ of the task's weights (remembered per weights map: every candidate divides by it). */
function totalWeight(weights: TermWeights): number {
  let total = totals.get(weights);
  if (total === undefined) {
    total = 0;
    for (const weight of weights.values()) total += weight;
    totals.set(weights, total);
  }
  return total;
}

/** 1 for a task domain, `anyDomain` for an item of none; a project item counts fully when there is no task. */
function domainMatch(task: Task, domain: string | null, project: boolean): number {
  if (project && !task.hasTask) return 1;
  return domain === null ? task.weights.anyDomain : (task.domains.get(domain) ?? 0);
}

/**
 * Scores each row of one kind with relevance() and adds it as a candidate; `place` overrides where
 * it is shown. Every row is scored; its text and decoration are made only when something reads them.
 */
export function addScored<R extends Row>(
  set: CandidateSet,
  task: Task,
  kind: CandidateKind,
  rows: readonly R[],
  item: (row: R) => ScoredItem,
  present: (row: R) => Presentation,
  place?: { tier: Tier; score: (score: number, index: number) => number; why: string },
): void {
  rows.forEach((row, index) => {
    if (set.has(kind, row.id)) return;
    const { project, matchKind, warning, ...quality } = item(row);
    const scored = relevance(
      {
        text: task.hasTask ? coverage(task, matchKind, row.id) : null,
        domain: domainMatch(task, row.domain, project),
        confidence: quality.confidence,
        timesValidated: quality.timesValidated,
        ageDays: quality.ageDays,
        boost: quality.boost * (project ? task.weights.projectBoost : 1),
      },
      task.weights,
    );
    const tier: Tier = place?.tier ?? (project ? 0 : 2);
    const score = place ? place.score(scored.score, index) : scored.score;
    set.add(kind, row.id, score, () => {
      const shown = present(row);
      return {
        kind,
        id: row.id,
        tier,
        ...shown,
        section: tier === 0 ? 'project' : shown.section,
        bodyTokens: row.token_count,
        score,
        // Formatted when read (--explain): five numbers for each of 300 candidates add up.
        get why() {
          return place ? `${place.why}: ${scored.why()}` : scored.why();
        },
        domain: row.domain,
        ...(warning ? { warning } : {}),
      };
    });
  });
}

/** This project's own item: learned here or scoped to it (a global one learned elsewhere is not). */
export function inProject(task: Task, ...paths: Array<string | null | undefined>): boolean {
  return task.projectPath !== null && paths.some((path) => path === task.projectPath);
}
