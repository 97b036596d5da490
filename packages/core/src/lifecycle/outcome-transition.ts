import { ElfError, type HeuristicRow } from '@elf/schema';
import type { AuditEntry } from './audit.js';
import type { ConfidenceEvent, ConfidenceStep } from './confidence.js';
import { type DecisionInput, noDecisions, type OutcomeDecisions, standingDecisions } from './outcome-decisions.js';
import { type HeuristicPatch, outcomePatch, outcomeStep } from './outcome-patch.js';
import type { AppliedOutcome, ApplyOutcomeInput } from './outcome-types.js';
import { type RateLimitVerdict, rateLimitApplies } from './rate-limit.js';
import type { LifecycleConfig } from './settings.js';

// What an event does to a heuristic, decided without the database: applyOutcome reads the row and
// the facts below, writes what this returns, and runs the steps that need the database.

/** The event, resolved: who sent it and when (applyOutcome fills these from the context). */
export interface TransitionInput extends DecisionInput, Pick<ApplyOutcomeInput, 'value' | 'steps' | 'auditAs'> {}

/** What the database said before the transition. */
export interface TransitionFacts {
  /** readRateLimit's verdict; only heeded for an automatic outcome. */
  rateLimited: RateLimitVerdict;
}

export interface OutcomeTransition {
  patch: HeuristicPatch;
  /** The confidence_updates row for the event itself (promotion and demotion audit their own). */
  audit: AuditEntry;
  /** The row as the standing steps see it: the heuristic with the patch applied. */
  updated: HeuristicRow;
  decisions: OutcomeDecisions;
  /** The result before the database's steps (violation check, demotion) complete it. */
  result: AppliedOutcome;
}

/**
 * The transition of one event. Null for an automatic outcome on a heuristic that is no longer
 * active (retracted after it was shown, say); anyone else is told why (INVALID_INPUT naming `id`).
 */
export function outcomeTransition(
  h: HeuristicRow,
  input: TransitionInput,
  config: LifecycleConfig,
  facts: TransitionFacts,
): OutcomeTransition | null {
  const refusal = standingRefusal(h, input.event);
  if (refusal) {
    if (input.source === 'auto') return null;
    throw new ElfError('INVALID_INPUT', `id: heuristic #${h.id} ${refusal}`, { field: 'id' });
  }
  const limited = rateLimitApplies(input.source, input.event) ? facts.rateLimited : null;
  return limited ? heldBack(h, input, config, limited) : applied(h, input, config);
}

/** Why this event cannot apply to a heuristic in its current standing, or null. */
export function standingRefusal(h: HeuristicRow, event: ConfidenceEvent): string | null {
  if (event === 'revived') {
    if (h.status === 'active') return 'is active; only dormant or archived heuristics can be revived';
    if (h.status === 'retracted' || h.status === 'superseded') return `is ${h.status}; it cannot be revived`;
    return null;
  }
  return h.status === 'active'
    ? null
    : `is ${h.status}${h.status === 'dormant' || h.status === 'archived' ? ' (revive it first)' : ''}`;
}

function heldBack(
  h: HeuristicRow,
  input: TransitionInput,
  config: LifecycleConfig,
  limited: 'session' | 'daily',
): OutcomeTransition {
  // Held back, but still a use: a rule in daily use does not decay.
  const patch: HeuristicPatch = { last_used_at: input.at, decay_steps: 0 };
  const why = limited === 'session' ? 'already updated in this session' : `daily cap of ${config.dailyCap} reached`;
  const unchanged: ConfidenceStep = { next: h.confidence, target: null, alpha: null };
  return {
    patch,
    audit: {
      ...auditBase(h, input, input.event),
      newConfidence: h.confidence,
      rateLimited: true,
      reason: `${why}${input.reason ? `: ${input.reason}` : ''}`,
    },
    updated: { ...h, ...patch },
    decisions: noDecisions,
    result: outcomeResult(h, input.event, unchanged, noDecisions, limited),
  };
}

function applied(h: HeuristicRow, input: TransitionInput, config: LifecycleConfig): OutcomeTransition {
  const { step, decaySteps } = outcomeStep(h, input);
  const why =
    h.is_golden !== 1 && input.event !== 'revived' && h.status === 'active'
      ? dormancy(h, input, step.next, config)
      : null;
  const dormant = why !== null;
  const patch = outcomePatch(h, input, step.next, decaySteps, why);
  const updated: HeuristicRow = { ...h, ...patch };
  const decisions: OutcomeDecisions = { becomeDormant: dormant, ...standingDecisions(h, updated, input, config) };
  const reasons = [input.reason ?? null, why ? `dormant: ${why}` : null];
  return {
    patch,
    audit: {
      ...auditBase(h, input, input.event === 'manual' && input.auditAs ? input.auditAs : input.event),
      newConfidence: step.next,
      rawTarget: step.target,
      alpha: step.alpha,
      reason: reasons.filter(Boolean).join('; ') || null,
    },
    updated,
    decisions,
    result: outcomeResult(h, input.event, step, decisions, false),
  };
}

function auditBase(h: HeuristicRow, input: TransitionInput, type: AuditEntry['type']) {
  const { source, sessionId, agentId, at } = input;
  return { source, sessionId, agentId, at, heuristicId: h.id, type, oldConfidence: h.confidence };
}

/** The keys keep applyOutcome's historical order: `elf heuristic validate --json` prints them. */
function outcomeResult(
  h: HeuristicRow,
  event: ConfidenceEvent,
  step: ConfidenceStep,
  d: OutcomeDecisions,
  rateLimited: AppliedOutcome['rateLimited'],
): AppliedOutcome {
  return {
    heuristicId: h.id,
    event,
    oldConfidence: h.confidence,
    promoted: d.promote !== null,
    promotionSuggested: d.suggestPromotion,
    demoted: false,
    demotionSuggested: d.suggestDemotion,
    becameDormant: d.becomeDormant,
    newConfidence: step.next,
    target: step.target,
    alpha: step.alpha,
    rateLimited,
  };
}

/**
 * A record that shows a rule wrong: `dormancy.after-violations` violations (violated +
 * contradicted) and not one validation. A rule that has held even once is not proven wrong, only
 * weak, and its confidence says so. Over 500 simulated runs each (confidence-model.test.ts) this
 * puts to sleep the rules that fail their first three tries: 2.8 % of 70 % rules, 10.6 % of 50 %
 * rules, at most 2 in 500 of 90 % rules.
 */
export function provenWrong(
  record: { violations: number; validations: number },
  config: Pick<LifecycleConfig, 'dormantAfterViolations'>,
): boolean {
  return record.violations >= config.dormantAfterViolations && record.validations === 0;
}

/**
 * Why an active, non-golden heuristic becomes dormant with this event, or null: its confidence
 * fell below the floor, or this violation makes its record show it wrong (provenWrong).
 */
function dormancy(h: HeuristicRow, input: TransitionInput, next: number, config: LifecycleConfig): string | null {
  if (next < config.dormantBelow) return `confidence ${next} fell below ${config.dormantBelow}`;
  if (input.event !== 'violated' && input.event !== 'contradicted') return null;
  const violations = h.times_violated + h.times_contradicted + 1;
  if (provenWrong({ violations, validations: h.times_validated }, config)) {
    return `violated ${violations} times, validated ${h.times_validated}`;
  }
  return null;
}
