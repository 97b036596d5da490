import type { RelevanceWeights } from '../config.js';

export interface RelevanceInput {
  /**
   * The share of the task's IDF-weighted words the item holds, 0..1 (candidates/scored.ts
   * `coverage`); null when there is no task text to match.
   */
  text: number | null;
  /** 1 = the item's domain is a task domain; `anyDomain` = it has no domain; 0 otherwise. */
  domain: number;
  /** 0..1, or null when the kind has none (then neutral, 0.5). */
  confidence: number | null;
  timesValidated: number;
  /** Age in days for kinds that age (learnings), null for kinds that never do. */
  ageDays: number | null;
  /** The product of the boosts that apply (failureBoost, violatedBoost, projectBoost), else 1. */
  boost: number;
}

/**
 * relevance = match × quality × boost
 *   match   = text · (w.text + w.domain · domain)      with a task
 *           = w.domain · domain                        without one
 *   text    = coverage of the task's words            (computed by the caller)
 *   quality = (1 − q) + q · (w.confidence · confidence + w.validation · validation + w.recency · recency) / Σw
 *   boost   = failureBoost (past failures) × violatedBoost (violated invariants) × projectBoost (this project's items)
 *   validation = min(1, log2(1 + times_validated) / log2(1 + w.validationSaturation))
 *   recency    = 0.5 ^ (age_days / w.halfLifeDays), 1 for kinds that do not age
 */
export function relevance(input: RelevanceInput, w: RelevanceWeights): { score: number; why: () => string } {
  // Explained on demand (--explain): formatting five numbers for every candidate of every build costs more than scoring it.
  return { score: relevanceScore(input, w), why: () => explainRelevance(input, w) };
}

/** The score of relevance(), alone: every candidate of every build is scored, few are explained. */
export function relevanceScore(input: RelevanceInput, w: RelevanceWeights): number {
  // With a task, the domain only amplifies a text match: an item of the task's domain that shares
  // nothing with the task is not relevant to it. Without one, the domain is all there is.
  const match =
    input.text === null
      ? w.domain * input.domain
      : input.text * (w.text + w.domain * input.domain) + w.domainAlone * input.domain;
  if (match === 0) return 0;
  const { validation, recency, confidence } = parts(input, w);
  const weightSum = w.confidence + w.validation + w.recency || 1;
  const mix = (w.confidence * confidence + w.validation * validation + w.recency * recency) / weightSum;
  const quality = 1 - w.qualityInfluence + w.qualityInfluence * mix;
  return match * quality * input.boost;
}

function parts(input: RelevanceInput, w: RelevanceWeights) {
  return {
    confidence: input.confidence ?? 0.5,
    validation:
      input.timesValidated === 0
        ? 0
        : Math.min(1, Math.log2(1 + input.timesValidated) / Math.log2(1 + w.validationSaturation)),
    recency: input.ageDays === null ? 1 : 0.5 ** (Math.max(0, input.ageDays) / w.halfLifeDays),
  };
}

/** What relevance() weighed, for --explain. */
export function explainRelevance(input: RelevanceInput, w: RelevanceWeights): string {
  const { validation, recency, confidence } = parts(input, w);
  return [
    input.text === null ? 'no task' : `text ${input.text.toFixed(2)}`,
    `domain ${input.domain.toFixed(2)}`,
    `conf ${confidence.toFixed(2)}`,
    `valid ${validation.toFixed(2)}`,
    `recency ${recency.toFixed(2)}`,
    input.boost !== 1 ? `×${input.boost}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
