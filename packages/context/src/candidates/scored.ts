import type { RelevanceWeights, Tier } from '../config.js';
import type { TermWeights } from '../relevance/coverage.js';
import { explainRelevance, type RelevanceInput, relevanceScore } from '../relevance/score.js';
import type { Candidate, CandidateKind } from './candidate.js';
import type { CandidateSet, Maker } from './candidate-set.js';
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

let lastWeights: TermWeights | undefined;
let lastTotal = 0;

/** Σ of the task's weights (remembered for the last weights map: every candidate divides by it). */
function totalWeight(weights: TermWeights): number {
  if (weights !== lastWeights) {
    let total = 0;
    for (const weight of weights.values()) total += weight;
    lastWeights = weights;
    lastTotal = total;
  }
  return lastTotal;
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
  const w = task.weights;
  const maker: Maker<R, ScoredItem> = {
    make: (row, score, it) => {
      const tier: Tier = place?.tier ?? (it.project ? 0 : 2);
      const explain = () => explainRelevance(relevanceInput(task, it, row), w);
      return new ScoredCandidate(
        kind,
        row,
        tier,
        present(row),
        score,
        it.warning === true,
        place?.why ?? null,
        explain,
      );
    },
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as R;
    if (set.has(kind, row.id)) continue;
    const it = item(row);
    const relevant = relevanceScore(relevanceInput(task, it, row, scratch), w);
    set.addRow(kind, row.id, place ? place.score(relevant, index) : relevant, maker, row, it);
  }
}

/** Every candidate of every build is scored through this one object (explanations get their own). */
const scratch: RelevanceInput = { text: null, domain: 0, confidence: null, timesValidated: 0, ageDays: null, boost: 1 };

/** What relevance() weighs of a row, written into `into`. */
function relevanceInput(task: Task, it: ScoredItem, row: Row, into: RelevanceInput = { ...scratch }): RelevanceInput {
  into.text = task.hasTask ? coverage(task, it.matchKind, row.id) : null;
  into.domain = domainMatch(task, row.domain, it.project);
  into.confidence = it.confidence;
  into.timesValidated = it.timesValidated;
  into.ageDays = it.ageDays;
  into.boost = it.project ? it.boost * task.weights.projectBoost : it.boost;
  return into;
}

/** A class, not a literal with a getter: a build makes a hundred of these, and V8 makes literals with accessors slowly. */
class ScoredCandidate implements Candidate {
  readonly kind: CandidateKind;
  readonly id: number;
  readonly tier: Tier;
  readonly section: Candidate['section'];
  readonly body: string;
  readonly bodyTokens: number | null;
  readonly prefix: string;
  readonly suffix: string;
  /** Raised by selection when a heuristic repeating this golden rule scored higher. */
  score: number;
  readonly domain: string | null;
  readonly dedupText: string | null;
  readonly warning?: boolean;
  readonly #place: string | null;
  readonly #explain: () => string;

  constructor(
    kind: CandidateKind,
    row: Row,
    tier: Tier,
    shown: Presentation,
    score: number,
    warning: boolean,
    place: string | null,
    explain: () => string,
  ) {
    this.kind = kind;
    this.id = row.id;
    this.tier = tier;
    this.section = tier === 0 ? 'project' : shown.section;
    this.body = shown.body;
    this.bodyTokens = row.token_count;
    this.prefix = shown.prefix;
    this.suffix = shown.suffix;
    this.score = score;
    this.domain = row.domain;
    this.dedupText = shown.dedupText;
    if (warning) this.warning = true;
    this.#place = place;
    this.#explain = explain;
  }

  /** Formatted when read (--explain): five numbers for each of 300 candidates add up. */
  get why(): string {
    return this.#place ? `${this.#place}: ${this.#explain()}` : this.#explain();
  }
}

/** This project's own item: learned here or scoped to it (a global one learned elsewhere is not). */
export function inProject(task: Task, path: string | null, other?: string | null): boolean {
  return task.projectPath !== null && (path === task.projectPath || other === task.projectPath);
}
