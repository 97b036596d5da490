import type { ConfidenceUpdateSource } from '@elf/schema';
import type { ConfidenceEvent } from './confidence.js';
import type { GoldenViolationCheck } from './golden-violations.js';
import type { LifecycleConfig } from './settings.js';

// The shapes applyOutcome takes and returns, here so that its pure transition
// (outcome-transition.ts) need not import the persistence that calls it (apply-outcome.ts).

/** Outcome events: what a heuristic's use showed. */
export type OutcomeEvent = Extract<ConfidenceEvent, 'validated' | 'violated' | 'contradicted' | 'consulted'>;

export interface ApplyOutcomeInput {
  heuristicId: number;
  event: ConfidenceEvent;
  /**
   * `auto` (hooks: at most one outcome per heuristic per session and `confidence.daily-cap` a day),
   * `manual` (a person: always applied) or `system` (maintenance, revival by a matching task).
   */
  source?: ConfidenceUpdateSource;
  /** The new confidence for a `manual` event. */
  value?: number;
  /** Decay steps to apply at once (`decay` only; default 1). */
  steps?: number;
  /** Audit a `manual` event under another type (a merge is audited as `merged`). */
  auditAs?: 'merged';
  /** The violation of record was already written (recordViolation): do not write another. */
  violationRecorded?: boolean;
  reason?: string | null;
  sessionId?: string | null;
  agentId?: string | null;
  /** The lifecycle settings, when the caller already read them (loops). */
  config?: LifecycleConfig;
}

export interface AppliedOutcome {
  heuristicId: number;
  event: ConfidenceEvent;
  oldConfidence: number;
  newConfidence: number;
  /** The diminishing-returns target and the EMA weight used (outcome events). */
  target: number | null;
  alpha: number | null;
  /** Why an automatic update was audited but not applied. */
  rateLimited: false | 'session' | 'daily';
  promoted: boolean;
  /** Mode `suggest`: the heuristic crossed the golden-rule thresholds; a person decides. */
  promotionSuggested: boolean;
  demoted: boolean;
  demotionSuggested: boolean;
  /** It fell below `dormancy.below` and will no longer be injected. */
  becameDormant: boolean;
  /** After a violation of record of a golden rule: counts, warning level, CEO review. */
  violations?: GoldenViolationCheck;
}
