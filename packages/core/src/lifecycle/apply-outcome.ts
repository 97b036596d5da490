import { type ConfidenceUpdateSource, type Database, ElfError, type HeuristicRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import { type CoreContext, nowIso } from '../context.js';
import { writeTransaction } from '../transaction.js';
import { auditHeuristic } from './audit.js';
import { type ConfidenceEvent, confidenceStep, qualifiesForGolden } from './confidence.js';
import { demoteInTransaction, demotion, promoteInTransaction } from './golden-standing.js';
import { checkGoldenViolations, type GoldenViolationCheck } from './golden-violations.js';
import { type LifecycleConfig, lifecycleConfig } from './settings.js';

/** Outcome events: what a heuristic's use showed. */
export type OutcomeEvent = Extract<ConfidenceEvent, 'validated' | 'violated' | 'contradicted' | 'consulted'>;
const outcomeEvents = new Set<ConfidenceEvent>(['validated', 'violated', 'contradicted', 'consulted']);
const movingEvents = ['validated', 'violated', 'contradicted'] as const;

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

/**
 * The one function that changes a heuristic's confidence: hooks, the CLI, maintenance and merges
 * all come through here. In one IMMEDIATE transaction it applies the rate limit (automatic updates
 * only), the confidence model, the counters, an audit row in confidence_updates, and then the
 * dormancy, promotion and demotion rules. Returns null for an unknown heuristic, and for an
 * automatic outcome on one that is no longer active (retracted after it was shown, say).
 */
export async function applyOutcome(ctx: CoreContext, input: ApplyOutcomeInput): Promise<AppliedOutcome | null> {
  const source = input.source ?? 'auto';
  // A person's update takes a session's slot only when they name the session (--session).
  const sessionId =
    input.sessionId !== undefined ? input.sessionId : source === 'manual' ? null : (ctx.sessionId ?? null);
  const agentId = input.agentId ?? ctx.agentId ?? null;
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const config = input.config ?? (await lifecycleConfig(trx));
    const h = await trx.selectFrom('heuristics').selectAll().where('id', '=', input.heuristicId).executeTakeFirst();
    if (!h) return null;
    const standingError = standingRefusal(h, input.event);
    if (standingError) {
      if (source === 'auto') return null;
      throw new ElfError('INVALID_INPUT', `id: heuristic #${h.id} ${standingError}`, { field: 'id' });
    }
    const base = {
      heuristicId: h.id,
      event: input.event,
      oldConfidence: h.confidence,
      promoted: false,
      promotionSuggested: false,
      demoted: false,
      demotionSuggested: false,
      becameDormant: false,
    };
    const audit = { source, sessionId, agentId, at: now };

    if (source === 'auto' && outcomeEvents.has(input.event)) {
      const limited = await rateLimit(trx, h.id, input.event, sessionId, now, config.dailyCap);
      if (limited) {
        // Held back, but still a use: a rule in daily use does not decay.
        await trx.updateTable('heuristics').set({ last_used_at: now, decay_steps: 0 }).where('id', '=', h.id).execute();
        await auditHeuristic(trx, {
          ...audit,
          heuristicId: h.id,
          type: input.event,
          oldConfidence: h.confidence,
          newConfidence: h.confidence,
          rateLimited: true,
          reason: `${limited === 'session' ? 'already updated in this session' : `daily cap of ${config.dailyCap} reached`}${input.reason ? `: ${input.reason}` : ''}`,
        });
        return { ...base, newConfidence: h.confidence, target: null, alpha: null, rateLimited: limited };
      }
    }

    const golden = h.is_golden === 1;
    const applications = h.times_validated + h.times_violated + h.times_contradicted;
    let step = confidenceStep({ confidence: h.confidence, applications, golden }, input.event, input.value);
    const decaySteps = input.event === 'decay' ? Math.max(1, Math.floor(input.steps ?? 1)) : 0;
    for (let i = 1; i < decaySteps; i++)
      step = confidenceStep({ confidence: step.next, applications, golden }, 'decay');
    const counters = {
      times_validated: h.times_validated + (input.event === 'validated' ? 1 : 0),
      times_violated: h.times_violated + (input.event === 'violated' ? 1 : 0),
      times_contradicted: h.times_contradicted + (input.event === 'contradicted' ? 1 : 0),
      times_consulted: h.times_consulted + (input.event === 'consulted' ? 1 : 0),
    };
    const used = input.event !== 'decay';
    const revived = input.event === 'revived';
    const dormant = !golden && !revived && h.status === 'active' && step.next < config.dormantBelow;
    const reasons = [
      input.reason ?? null,
      dormant ? `dormant: confidence ${step.next} < ${config.dormantBelow}` : null,
    ];
    await trx
      .updateTable('heuristics')
      .set({
        ...counters,
        confidence: step.next,
        updated_at: now,
        ...(used ? { last_used_at: now, decay_steps: 0 } : { decay_steps: h.decay_steps + decaySteps }),
        ...(revived ? { status: 'active', status_reason: null, status_changed_at: now } : {}),
        ...(dormant
          ? {
              status: 'dormant',
              status_reason: `confidence ${step.next} fell below ${config.dormantBelow}`,
              status_changed_at: now,
            }
          : {}),
      })
      .where('id', '=', h.id)
      .execute();
    await auditHeuristic(trx, {
      ...audit,
      heuristicId: h.id,
      type: input.event === 'manual' && input.auditAs ? input.auditAs : input.event,
      oldConfidence: h.confidence,
      newConfidence: step.next,
      rawTarget: step.target,
      alpha: step.alpha,
      reason: reasons.filter(Boolean).join('; ') || null,
    });
    const result: AppliedOutcome = {
      ...base,
      newConfidence: step.next,
      target: step.target,
      alpha: step.alpha,
      rateLimited: false,
      becameDormant: dormant,
    };
    const updated: HeuristicRow = {
      ...h,
      ...counters,
      confidence: step.next,
      status: revived ? 'active' : dormant ? 'dormant' : h.status,
    };

    // Promotion: checked after every update, whatever its source.
    if (!golden && updated.status === 'active' && qualifiesForGolden(updated)) {
      if (config.promotionMode === 'auto') {
        await promoteInTransaction(trx, updated, {
          ...audit,
          source: 'system',
          reason: `reached the golden-rule thresholds: confidence ${updated.confidence}, ${updated.times_validated} validated, ${updated.times_violated + updated.times_contradicted} violated`,
        });
        result.promoted = true;
      } else {
        result.promotionSuggested = true;
      }
    }
    // Demotion, checked after every update. A person's violation of a golden rule is a violation
    // of record (3 within 7 days demote it; see golden-violations.ts); an automatic failure of a
    // task the rule was shown to is not proof it was broken, but a golden rule whose confidence
    // has fallen below the floor no longer holds up, whatever moved it there.
    const failure = input.event === 'violated' || input.event === 'contradicted';
    if (golden && source !== 'auto' && failure) {
      const check: GoldenViolationCheck = await checkGoldenViolations(trx, updated, {
        config,
        ...(input.violationRecorded ? {} : { record: { description: input.reason ?? `${input.event} (${source})` } }),
        sessionId,
        agentId,
        at: now,
      });
      result.violations = check;
      result.demoted = check.demoted;
      result.demotionSuggested = check.demotionSuggested;
      if (check.demoted) result.newConfidence = check.confidence;
    }
    if (golden && !result.demoted && updated.confidence < demotion.belowConfidence) {
      if (config.promotionMode === 'auto') {
        result.newConfidence = await demoteInTransaction(trx, updated, {
          ...audit,
          source: 'system',
          reason: `confidence ${updated.confidence} fell below ${demotion.belowConfidence}`,
        });
        result.demoted = true;
      } else {
        result.demotionSuggested = true;
      }
    }
    return result;
  });
}

/** Why this event cannot apply to a heuristic in its current standing, or null. */
function standingRefusal(h: HeuristicRow, event: ConfidenceEvent): string | null {
  if (event === 'revived') {
    if (h.status === 'active') return 'is active; only dormant or archived heuristics can be revived';
    if (h.status === 'retracted' || h.status === 'superseded') return `is ${h.status}; it cannot be revived`;
    return null;
  }
  return h.status === 'active'
    ? null
    : `is ${h.status}${h.status === 'dormant' || h.status === 'archived' ? ' (revive it first)' : ''}`;
}

/** Whether an automatic outcome must be held back: once per session, `dailyCap` a day. */
async function rateLimit(
  trx: Kysely<Database>,
  heuristicId: number,
  event: ConfidenceEvent,
  sessionId: string | null,
  now: string,
  dailyCap: number,
): Promise<'session' | 'daily' | null> {
  // An unknown outcome never takes the slot of a real one; it is counted once per session.
  const blocking = event === 'consulted' ? [...movingEvents, 'consulted' as const] : movingEvents;
  if (sessionId !== null) {
    const moved = await trx
      .selectFrom('confidence_updates')
      .select('id')
      .where('heuristic_id', '=', heuristicId)
      .where('session_id', '=', sessionId)
      .where('rate_limited', '=', 0)
      .where('update_type', 'in', blocking)
      .limit(1)
      .executeTakeFirst();
    if (moved) return 'session';
  }
  if (event === 'consulted') return null;
  const today = await trx
    .selectFrom('confidence_updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('heuristic_id', '=', heuristicId)
    .where('created_at', '>=', `${now.slice(0, 10)}T00:00:00.000Z`)
    .where('source', '=', 'auto')
    .where('rate_limited', '=', 0)
    .where('update_type', 'in', movingEvents)
    .executeTakeFirstOrThrow();
  return Number(today.n) >= dailyCap ? 'daily' : null;
}
