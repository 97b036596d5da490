import type { ConfidenceUpdateSource, ConfidenceUpdateType, Database } from '@elf/schema';
import type { Kysely } from 'kysely';

export interface AuditEntry {
  heuristicId: number;
  type: ConfidenceUpdateType;
  oldConfidence: number;
  newConfidence: number;
  source: ConfidenceUpdateSource;
  reason?: string | null;
  sessionId?: string | null;
  agentId?: string | null;
  rateLimited?: boolean;
  /** The diminishing-returns target before EMA smoothing (outcome events only). */
  rawTarget?: number | null;
  /** The EMA weight used (outcome events only). */
  alpha?: number | null;
  at: string;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Writes one confidence_updates row: every change of a heuristic's confidence or standing
 * (outcome, decay, promotion, retraction, merge, import…) is audited with who and why.
 * Runs on the caller's transaction.
 */
export async function auditHeuristic(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('confidence_updates')
    .values({
      heuristic_id: entry.heuristicId,
      old_confidence: entry.oldConfidence,
      new_confidence: entry.newConfidence,
      delta: round4(entry.newConfidence - entry.oldConfidence),
      update_type: entry.type,
      source: entry.source,
      reason: entry.reason ?? null,
      session_id: entry.sessionId ?? null,
      agent_id: entry.agentId ?? null,
      rate_limited: entry.rateLimited ? 1 : 0,
      raw_target_confidence: entry.rawTarget ?? null,
      alpha_used: entry.alpha ?? null,
      created_at: entry.at,
    })
    .execute();
}
