// Tunables of the context builder. Every number here is documented in the package README.

export const depths = ['minimal', 'standard', 'deep'] as const;
export type Depth = (typeof depths)[number];

export const budgetLimits = { min: 100, max: 50_000, default: 2_000 } as const;

export type Tier = 0 | 1 | 2 | 3;

export interface DepthProfile {
  /** Share of the budget each tier may use in the first pass; what a tier leaves is pooled for the rest. */
  shares: Record<Tier, number>;
  /** An item longer than this (tokens) is shortened at a sentence or word boundary. */
  itemCap: number;
  /** Candidates fetched per kind and per source (full-text, domain, project, background). */
  candidates: number;
}

export const depthProfiles: Record<Depth, DepthProfile> = {
  minimal: { shares: { 0: 0, 1: 1, 2: 0, 3: 0 }, itemCap: 80, candidates: 0 },
  standard: { shares: { 0: 0.15, 1: 0.25, 2: 0.45, 3: 0.15 }, itemCap: 120, candidates: 20 },
  deep: { shares: { 0: 0.15, 1: 0.2, 2: 0.5, 3: 0.15 }, itemCap: 250, candidates: 40 },
};

/**
 * relevance = match × quality × boost
 *   match   = text · coverage · (1 − s + s · bm25 / best bm25 of its kind) + domain · [domain match]
 *   quality = 1 − qualityInfluence + qualityInfluence · weighted mean(confidence, validation, recency)
 *   boost   = failureBoost · violatedBoost · projectBoost, for the items each applies to
 * See README for each term.
 */
export interface RelevanceWeights {
  text: number;
  /** How much bm25 (relative to the best match of its kind) modulates term coverage: text = coverage · (1 − s + s · bm25). */
  textRankShare: number;
  domain: number;
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
  /** Below this, a task-relevant candidate is left out as not relevant … */
  minScore: number;
  /** … and below this fraction of the best candidate's score (what is far weaker than the best match is noise). */
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
}

export const defaultWeights: RelevanceWeights = {
  text: 0.7,
  textRankShare: 0.25,
  domain: 0.3,
  anyDomain: 0.5,
  qualityInfluence: 0.5,
  confidence: 0.4,
  validation: 0.3,
  recency: 0.3,
  halfLifeDays: 7,
  validationSaturation: 20,
  failureBoost: 1.15,
  violatedBoost: 1.3,
  projectBoost: 1.2,
  minScore: 0.1,
  relativeMinScore: 0.5,
  feedbackDomains: 2,
  feedbackMinCoverage: 0.2,
  maxPostings: 800,
  expansionDocuments: 3,
  expansionTerms: 8,
  expansionWeight: 0.5,
};
