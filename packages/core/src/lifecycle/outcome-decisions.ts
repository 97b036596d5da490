import type { ConfidenceUpdateSource, HeuristicRow } from '@elf/schema';
import { type ConfidenceEvent, qualifiesForGolden } from './confidence.js';
import { demotion, type StandingChange } from './golden-standing.js';
import type { LifecycleConfig } from './settings.js';

/** Who made an update and when: every audit row it writes carries these. */
export interface UpdateOrigin {
  source: ConfidenceUpdateSource;
  sessionId: string | null;
  agentId: string | null;
  /** The time of the update: the caller read its clock. */
  at: string;
}

export interface DecisionInput extends UpdateOrigin {
  event: ConfidenceEvent;
  reason?: string | null;
  /** The violation of record was already written: check it, but do not record another. */
  violationRecorded?: boolean;
}

/** The violation-of-record check to run on the database (golden-violations.ts). */
export interface ViolationCheckRequest {
  record?: { description: string };
  sessionId: string | null;
  agentId: string | null;
  at: string;
}

/** What an applied update means for the heuristic's standing. */
export interface OutcomeDecisions {
  /** It fell below `dormancy.below` (the patch already makes it dormant). */
  becomeDormant: boolean;
  /** Mode auto: promote it now, audited with this change. */
  promote: StandingChange | null;
  /** Mode suggest: it qualifies; a person decides. */
  suggestPromotion: boolean;
  /** A golden rule's violation of record: count it (and record it first when asked). */
  violationCheck: ViolationCheckRequest | null;
  /** Mode auto: a golden rule below the floor — demote it, unless the violation check already did. */
  demoteForLowConfidence: StandingChange | null;
  /** Mode suggest: a golden rule below the floor; a person decides. */
  suggestDemotion: boolean;
}

export const noDecisions: OutcomeDecisions = {
  becomeDormant: false,
  promote: null,
  suggestPromotion: false,
  violationCheck: null,
  demoteForLowConfidence: null,
  suggestDemotion: false,
};

/**
 * Promotion and demotion, checked after every applied update whatever its source: `before` is the
 * row as read, `after` the row with the update's patch (dormancy is the patch's own decision). A
 * golden rule whose confidence fell below the floor no longer holds up, whatever moved it there.
 */
export function standingDecisions(
  before: HeuristicRow,
  after: HeuristicRow,
  input: DecisionInput,
  config: LifecycleConfig,
): Omit<OutcomeDecisions, 'becomeDormant'> {
  const golden = before.is_golden === 1;
  const auto = config.promotionMode === 'auto';
  const promotable = !golden && after.status === 'active' && qualifiesForGolden(after);
  const lowConfidence = golden && after.confidence < demotion.belowConfidence;
  return {
    promote: promotable && auto ? systemChange(input, promotionReason(after)) : null,
    suggestPromotion: promotable && !auto,
    violationCheck: golden ? violationCheck(input) : null,
    demoteForLowConfidence:
      lowConfidence && auto
        ? systemChange(input, `confidence ${after.confidence} fell below ${demotion.belowConfidence}`)
        : null,
    suggestDemotion: lowConfidence && !auto,
  };
}

/**
 * A person's violation of a golden rule is a violation of record (3 within 7 days demote it); an
 * automatic failure of a task the rule was shown to is not proof it was broken.
 */
function violationCheck(input: DecisionInput): ViolationCheckRequest | null {
  const failure = input.event === 'violated' || input.event === 'contradicted';
  if (input.source === 'auto' || !failure) return null;
  return {
    ...(input.violationRecorded ? {} : { record: { description: input.reason ?? `${input.event} (${input.source})` } }),
    sessionId: input.sessionId,
    agentId: input.agentId,
    at: input.at,
  };
}

/** Promotion and demotion are the system's doing, even when a person's update caused them. */
function systemChange(origin: UpdateOrigin, reason: string): StandingChange {
  return { sessionId: origin.sessionId, agentId: origin.agentId, at: origin.at, source: 'system', reason };
}

function promotionReason(h: HeuristicRow): string {
  const violated = h.times_violated + h.times_contradicted;
  return `reached the golden-rule thresholds: confidence ${h.confidence}, ${h.times_validated} validated, ${violated} violated`;
}
