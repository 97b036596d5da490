// Tunables of the context builder. Every number here is documented in the package README.

export const depths = ['minimal', 'standard', 'deep'] as const;
export type Depth = (typeof depths)[number];

export const budgetLimits = { min: 100, max: 50_000, default: 2_000 } as const;

export type Tier = 0 | 1 | 2 | 3;

/** How many candidates a build reads from each source; the budget does not shrink the pool. */
export interface CandidatePool {
  /** Items holding the task's words, the best by coverage (all of them are counted; these are read and scored). */
  matched: number;
  /** Second round: items holding the words of the strongest first-round matches. */
  bridged: number;
  /** Best heuristics and newest learnings of the task's domains. */
  domain: number;
  /** This project's own heuristics (learned here) and learnings. */
  project: number;
  /** Tagged learnings, and decisions and invariants of the task's domains. */
  other: number;
}

export interface DepthProfile {
  /** An item longer than this (tokens) is shortened at a sentence or word boundary. */
  itemCap: number;
  pool: CandidatePool;
}

export const depthProfiles: Record<Depth, DepthProfile> = {
  minimal: { itemCap: 80, pool: { matched: 0, bridged: 0, domain: 0, project: 0, other: 0 } },
  standard: { itemCap: 120, pool: { matched: 200, bridged: 60, domain: 30, project: 20, other: 15 } },
  deep: { itemCap: 250, pool: { matched: 600, bridged: 200, domain: 50, project: 30, other: 30 } },
};

/**
 * One relevance score for every candidate (see README):
 * relevance = match × quality × boost
 *   match   = coverage · (text + domain · [domain match])   (with no task: domain · [domain match])
 *   coverage counts a task word found only in an item's explanation, summary, rationale or tags at `secondaryText`
 *   quality = 1 − qualityInfluence + qualityInfluence · weighted mean(confidence, validation, recency)
 *   boost   = failureBoost · violatedBoost · projectBoost, for the items each applies to
 * See README for each term.
 */
export interface RelevanceWeights {
  text: number;
  /** Weight of a task word found only in an item's secondary text (explanation, rationale, tags), not its shown text. */
  secondaryText: number;
  domain: number;
  /** How sure a domain guessed from the task's words alone (core's keyword map, known domain names) counts, 0..1. */
  inferredDomain: number;
  /** With a task, what the domain alone is worth (an item of the task's domain sharing no word with it). */
  domainAlone: number;
  /** Credit for items without a domain (they apply to every domain), as a fraction of `domain`. */
  anyDomain: number;
  qualityInfluence: number;
  confidence: number;
  validation: number;
  recency: number;
  /** Half-life of a learning's recency, in days. Golden rules, decisions and invariants never age. */
  halfLifeDays: number;
  /** Times validated at which `validation` reaches 1 (log scale). */
  validationSaturation: number;
  /** Multipliers that put past failures and violated invariants ahead of their peers. */
  failureBoost: number;
  violatedBoost: number;
  /** Multiplier for this project's own heuristics and learnings (they go to tier 0). */
  projectBoost: number;
  /**
   * The least score of a golden rule (with a task; with none they lead): a golden rule that does
   * not match the task still fills room no better match wants, and never displaces one.
   */
  goldenPrior: number;
  /** Score of background items (recent failures, active experiments, pending reviews) that do not match the task. */
  backgroundPrior: number;
  /** Below this, a candidate is left out as not relevant … */
  minScore: number;
  /** … and below this fraction of the best match's score (what is far weaker than the best match is noise; golden rules, background and warnings are exempt). */
  relativeMinScore: number;
  /** How many domains the strongest text matches may add to the task's domains, and how strong a match must be. */
  feedbackDomains: number;
  feedbackMinCoverage: number;
  /** Most postings (Σ document counts of its words) a full-text query may touch; bounds bm25 work. */
  maxPostings: number;
  /** Query expansion from the strongest matches (see relevance/expansion.ts). */
  expansionDocuments: number;
  expansionTerms: number;
  expansionWeight: number;
  /** How many expansion words the second round's full-text query uses (symptom → cause). */
  bridgeTerms: number;
  /** How many of the best-matching learnings lend their relevance to the rules learned from them or recorded beside them … */
  bridgeDocuments: number;
  /** … at this share of the learning's text relevance for a rule learned from it (heuristics.source_id) … */
  sourceBridge: number;
  /** … and at this share for a rule of its domain recorded within `besideHours` of it (0 = off). */
  besideBridge: number;
  besideHours: number;
  /** How many rules recorded just before and just after a learning count as beside it. */
  besideNearest: number;
}

export const defaultWeights: RelevanceWeights = {
  text: 0.7,
  secondaryText: 0.8,
  domain: 0.3,
  domainAlone: 0.08,
  inferredDomain: 0.5,
  anyDomain: 0.5,
  qualityInfluence: 0.5,
  confidence: 0.4,
  validation: 0.3,
  recency: 0.15,
  halfLifeDays: 30,
  validationSaturation: 20,
  failureBoost: 1.15,
  violatedBoost: 1.3,
  projectBoost: 1.2,
  goldenPrior: 0.04,
  backgroundPrior: 0.035,
  minScore: 0.03,
  relativeMinScore: 0.05,
  feedbackDomains: 2,
  feedbackMinCoverage: 0.1,
  maxPostings: 800,
  expansionDocuments: 3,
  expansionTerms: 8,
  expansionWeight: 0.5,
  bridgeTerms: 6,
  bridgeDocuments: 5,
  sourceBridge: 0.9,
  besideBridge: 0.6,
  besideHours: 12,
  besideNearest: 3,
};
