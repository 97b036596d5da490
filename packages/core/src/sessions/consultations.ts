import type { ConsultationOutcome } from '@elf/schema';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { type AppliedOutcome, applyOutcome, type OutcomeEvent } from '../lifecycle/apply-outcome.js';
import { writeTransaction } from '../transaction.js';

const eventOf: Record<ConsultationOutcome, OutcomeEvent> = {
  success: 'validated',
  failure: 'violated',
  unknown: 'consulted',
};

/** Remembers which heuristics a subagent was given (agentKey: its Task tool_use_id). */
export async function recordConsultations(
  ctx: CoreHandle,
  input: { sessionId: string; agentKey: string; agentType?: string | null; heuristicIds: readonly number[] },
): Promise<void> {
  if (input.heuristicIds.length === 0) return;
  const now = nowIso(ctx);
  await ctx.db
    .insertInto('heuristic_consultations')
    .values(
      [...new Set(input.heuristicIds)].map((heuristicId) => ({
        session_id: input.sessionId,
        agent_key: input.agentKey.slice(0, 200),
        agent_type: input.agentType?.slice(0, 200) ?? null,
        heuristic_id: heuristicId,
        consulted_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface ResolveInput {
  sessionId: string;
  outcome: ConsultationOutcome;
  reason: string;
  /** The subagent: its Task tool_use_id (PostToolUse) … */
  agentKey?: string | null;
  /** … or, when only its type is known (SubagentStop), the oldest open consultation of that type. */
  agentType?: string | null;
}

/**
 * Settles the open consultations of one subagent with its outcome: each consulted heuristic is
 * validated, violated or marked consulted through applyOutcome (once per session). Returns what
 * changed; nothing when that subagent's consultations were already settled.
 */
export async function resolveConsultations(ctx: CoreHandle, input: ResolveInput): Promise<AppliedOutcome[]> {
  const agentKey =
    input.agentKey ?? (input.agentType ? await oldestOpenAgent(ctx, input.sessionId, input.agentType) : null);
  if (!agentKey) return [];
  const open = await ctx.db
    .selectFrom('heuristic_consultations')
    .select(['id', 'heuristic_id'])
    .where('session_id', '=', input.sessionId)
    .where('agent_key', '=', agentKey)
    .where('outcome', 'is', null)
    .execute();
  const applied: AppliedOutcome[] = [];
  for (const row of open) {
    // Settle and apply in one transaction: a second event for the same subagent finds nothing
    // open, and an outcome that could not be applied (busy) leaves the consultation open.
    const result = await writeTransaction(ctx.db, async (trx) => {
      const settled = await trx
        .updateTable('heuristic_consultations')
        .set({ outcome: input.outcome, resolved_at: nowIso(ctx) })
        .where('id', '=', row.id)
        .where('outcome', 'is', null)
        .executeTakeFirst();
      if (Number(settled.numUpdatedRows) === 0) return null;
      return applyOutcome(
        { ...ctx, db: trx },
        {
          heuristicId: row.heuristic_id,
          event: eventOf[input.outcome],
          reason: input.reason,
          sessionId: input.sessionId,
          agentId: agentKey,
        },
      );
    });
    if (result) applied.push(result);
  }
  return applied;
}

async function oldestOpenAgent(ctx: CoreHandle, sessionId: string, agentType: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('heuristic_consultations')
    .select('agent_key')
    .where('session_id', '=', sessionId)
    .where('agent_type', '=', agentType)
    .where('outcome', 'is', null)
    .orderBy('consulted_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.agent_key ?? null;
}

/** Heuristics consulted in a session with their outcomes (for check-out and summaries). */
export function sessionConsultations(ctx: CoreHandle, sessionId: string) {
  return ctx.db
    .selectFrom('heuristic_consultations as c')
    .innerJoin('heuristics as h', 'h.id', 'c.heuristic_id')
    .select([
      'c.heuristic_id',
      'c.agent_key',
      'c.agent_type',
      'c.outcome',
      'c.consulted_at',
      'h.rule',
      'h.domain',
      'h.confidence',
    ])
    .where('c.session_id', '=', sessionId)
    .orderBy('c.id')
    .limit(1000)
    .execute();
}
