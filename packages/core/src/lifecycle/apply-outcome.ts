import type { ConfidenceUpdateType, Database, HeuristicRow } from '@elf/schema';
import type { Kysely } from 'kysely';
import { type CoreContext, nowIso } from '../context.js';
import { writeTransaction } from '../transaction.js';

/** What a heuristic's use showed: it held, it did not, or nobody could tell. */
export type OutcomeEvent = Extract<ConfidenceUpdateType, 'validated' | 'violated' | 'consulted'>;

export interface ApplyOutcomeInput {
  heuristicId: number;
  event: OutcomeEvent;
  /** `auto` (hooks: at most one outcome per heuristic per session) or `manual` (always applied). */
  source?: 'auto' | 'manual';
  reason?: string | null;
  sessionId?: string | null;
  agentId?: string | null;
}

export interface AppliedOutcome {
  heuristicId: number;
  event: OutcomeEvent;
  oldConfidence: number;
  newConfidence: number;
  /** True when this session had already moved the heuristic: audited, not applied. */
  rateLimited: boolean;
  promoted: boolean;
}

/** Promotion to golden rule: proven often, rarely wrong. */
export const promotion = { minConfidence: 0.9, minValidated: 10, maxViolationShare: 0.1 } as const;

/**
 * The next confidence after an outcome: +0.01 when the rule held, −0.02 when it did not, no change
 * when the outcome is unknown (the original ELF's hook rule). The knowledge-lifecycle model
 * replaces this function alone; everything else (audit, rate limit, promotion) stays.
 */
export function nextConfidence(confidence: number, event: OutcomeEvent): number {
  const next = event === 'validated' ? confidence + 0.01 : event === 'violated' ? confidence - 0.02 : confidence;
  return Math.round(Math.min(1, Math.max(0, next)) * 10_000) / 10_000;
}

export function qualifiesForGolden(
  h: Pick<HeuristicRow, 'confidence' | 'times_validated' | 'times_violated'>,
): boolean {
  const applications = h.times_validated + h.times_violated;
  return (
    h.confidence >= promotion.minConfidence &&
    h.times_validated >= promotion.minValidated &&
    h.times_violated <= promotion.maxViolationShare * applications
  );
}

/**
 * Applies one outcome to one heuristic in one transaction: counters, confidence, last use, an
 * audit row in confidence_updates, then the promotion check. Automatic updates (hooks) move a
 * heuristic at most once per session: later ones in the same session are audited as rate-limited.
 */
export async function applyOutcome(ctx: CoreContext, input: ApplyOutcomeInput): Promise<AppliedOutcome | null> {
  const source = input.source ?? 'auto';
  const sessionId = input.sessionId ?? ctx.sessionId ?? null;
  const agentId = input.agentId ?? ctx.agentId ?? null;
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const h = await trx.selectFrom('heuristics').selectAll().where('id', '=', input.heuristicId).executeTakeFirst();
    if (!h) return null;
    const audit = (values: {
      type: ConfidenceUpdateType;
      old: number;
      next: number;
      rateLimited?: boolean;
      reason?: string | null;
    }) =>
      trx
        .insertInto('confidence_updates')
        .values({
          heuristic_id: h.id,
          old_confidence: values.old,
          new_confidence: values.next,
          delta: Math.round((values.next - values.old) * 10_000) / 10_000,
          update_type: values.type,
          source,
          reason: values.reason ?? input.reason ?? null,
          session_id: sessionId,
          agent_id: agentId,
          rate_limited: values.rateLimited ? 1 : 0,
          created_at: now,
        })
        .execute();
    if (source === 'auto' && sessionId !== null && (await movedInSession(trx, h.id, sessionId))) {
      await audit({ type: input.event, old: h.confidence, next: h.confidence, rateLimited: true });
      return {
        heuristicId: h.id,
        event: input.event,
        oldConfidence: h.confidence,
        newConfidence: h.confidence,
        rateLimited: true,
        promoted: false,
      };
    }
    const confidence = nextConfidence(h.confidence, input.event);
    const counters = {
      times_validated: h.times_validated + (input.event === 'validated' ? 1 : 0),
      times_violated: h.times_violated + (input.event === 'violated' ? 1 : 0),
      times_consulted: h.times_consulted + (input.event === 'consulted' ? 1 : 0),
    };
    await trx
      .updateTable('heuristics')
      .set({ ...counters, confidence, last_used_at: now, updated_at: now })
      .where('id', '=', h.id)
      .execute();
    await audit({ type: input.event, old: h.confidence, next: confidence });
    const promoted = h.is_golden === 0 && h.status === 'active' && qualifiesForGolden({ confidence, ...counters });
    if (promoted) {
      await trx.updateTable('heuristics').set({ is_golden: 1, updated_at: now }).where('id', '=', h.id).execute();
      await audit({
        type: 'promoted',
        old: confidence,
        next: confidence,
        reason: 'reached the golden-rule thresholds',
      });
    }
    return {
      heuristicId: h.id,
      event: input.event,
      oldConfidence: h.confidence,
      newConfidence: confidence,
      rateLimited: false,
      promoted,
    };
  });
}

async function movedInSession(trx: Kysely<Database>, heuristicId: number, sessionId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('confidence_updates')
    .select('id')
    .where('heuristic_id', '=', heuristicId)
    .where('session_id', '=', sessionId)
    .where('source', '=', 'auto')
    .where('rate_limited', '=', 0)
    .where('update_type', 'in', ['validated', 'violated', 'consulted'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
