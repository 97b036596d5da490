import type { Candidate, CandidateKind, OmittedItem } from '../candidates/candidate.js';
import type { Depth, Tier } from '../config.js';
import type { PackResult } from '../pack/packer.js';
import type { TokenModel } from '../tokens/token-model.js';
import type { Selection } from './selection.js';

export interface ContextItem {
  kind: CandidateKind;
  id: number;
  text: string;
  score: number;
  shortened: boolean;
}

export interface ContextTier {
  tier: Tier;
  title: string;
  items: ContextItem[];
  tokens: number;
}

export interface ExplainedCandidate {
  kind: CandidateKind;
  id: number;
  tier: Tier;
  score: number;
  why: string;
  included: boolean;
  reason: OmittedItem['reason'] | null;
}

export interface ContextResult {
  /** The context as Markdown; its token count never exceeds `budget`. */
  text: string;
  /** Tokens of `text`: counted exactly with a tokenizer, else an upper bound from stored counts. */
  tokens: number;
  budget: number;
  depth: Depth;
  tokenizer: string;
  exact: boolean;
  domains: string[];
  tiers: ContextTier[];
  omitted: OmittedItem[];
  /** Every candidate with its score and fate (for --explain). */
  candidates: ExplainedCandidate[];
}

const tierTitles: Record<Tier, string> = {
  0: 'This project',
  1: 'Golden rules',
  2: 'Relevant to this task',
  3: 'Background',
};

const round = (n: number) => Math.round(n * 1000) / 1000;

export interface ResultParts {
  text: string;
  tokens: number;
  budget: number;
  depth: Depth;
  model: TokenModel;
  domains: string[];
  assembled: Candidate[];
  selection: Selection;
  packed: PackResult;
}

/** The build's result: the placed items by tier, what was left out and why, every candidate's fate. */
export function contextResult(parts: ResultParts): ContextResult {
  const { selection, packed } = parts;
  const omitted: OmittedItem[] = [
    ...selection.skipped,
    ...packed.omitted,
    ...selection.duplicates.map((c) => ({ kind: c.kind, id: c.id, reason: 'duplicate' as const })),
    ...selection.lowRelevance.map((c) => ({ kind: c.kind, id: c.id, reason: 'low relevance' as const })),
  ];
  const fate = new Map(omitted.map((o) => [`${o.kind}:${o.id}`, o.reason]));
  return {
    text: parts.text,
    tokens: parts.tokens,
    budget: parts.budget,
    depth: parts.depth,
    tokenizer: parts.model.name,
    exact: parts.model.exact,
    domains: parts.domains,
    tiers: ([0, 1, 2, 3] as Tier[])
      .map((tier) => ({
        tier,
        title: tierTitles[tier],
        items: packed.placed
          .filter((p) => p.candidate.tier === tier)
          .map((p) => ({
            kind: p.candidate.kind,
            id: p.candidate.id,
            text: p.body,
            score: round(p.candidate.score),
            shortened: p.shortened,
          })),
        tokens: packed.tierTokens[tier],
      }))
      .filter((t) => t.items.length > 0),
    omitted,
    candidates: parts.assembled.map((c) => new Explained(c, fate.get(`${c.kind}:${c.id}`) ?? null)),
  };
}

/** A candidate's fate; `why` is formatted when read (most builds never read it; JSON and --explain do). */
class Explained implements ExplainedCandidate {
  readonly kind: CandidateKind;
  readonly id: number;
  readonly tier: Tier;
  readonly score: number;
  readonly included: boolean;
  readonly reason: OmittedItem['reason'] | null;
  readonly #candidate: Candidate;

  constructor(c: Candidate, reason: OmittedItem['reason'] | null) {
    this.kind = c.kind;
    this.id = c.id;
    this.tier = c.tier;
    this.score = round(c.score);
    this.included = reason === null;
    this.reason = reason;
    this.#candidate = c;
  }

  get why(): string {
    return this.#candidate.why;
  }

  toJSON(): ExplainedCandidate {
    const { kind, id, tier, score, why, included, reason } = this;
    return { kind, id, tier, score, why, included, reason };
  }
}
