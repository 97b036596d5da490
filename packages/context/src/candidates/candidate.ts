import type { Tier } from '../config.js';
import type { HeadingKey } from '../tokens/token-model.js';

export type CandidateKind =
  | 'project_context'
  | 'golden_rule'
  | 'heuristic'
  | 'learning'
  | 'decision'
  | 'invariant'
  | 'assumption'
  | 'spike_report'
  | 'experiment'
  | 'ceo_review';

/** Where a candidate is rendered: its tier and the heading it sits under. */
export type Section =
  | Extract<
      HeadingKey,
      | 'heuristics'
      | 'learnings'
      | 'decisions'
      | 'invariants'
      | 'assumptions'
      | 'spikes'
      | 'recent_failures'
      | 'experiments'
      | 'reviews'
    >
  | 'project'
  | 'golden';

/** One thing that may go into the context. */
export interface Candidate {
  kind: CandidateKind;
  /** Row id (0 for the project's context.md). */
  id: number;
  tier: Tier;
  section: Section;
  /** The item's text (core's itemText), the part that may be shortened. */
  body: string;
  /** Stored o200k count of `body`, when known. */
  bodyTokens: number | null;
  /** Decoration around the body on its line, e.g. `- ` and ` (0.85, 12✓)`. */
  prefix: string;
  suffix: string;
  score: number;
  /** Why it scored as it did, for --explain. */
  why: string;
  /** Domain and, for rules, the text compared for near-duplicates. */
  domain: string | null;
  dedupText: string | null;
  /** A violated invariant or a challenged assumption: kept even when weaker than the best match. */
  warning?: boolean;
}

export interface OmittedItem {
  kind: CandidateKind;
  id: number;
  reason: 'budget' | 'duplicate' | 'low relevance' | 'depth' | 'already shown' | 'tier not requested';
}
