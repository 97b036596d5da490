import type {
  ConfidenceUpdateSource,
  ConfidenceUpdateType,
  Database,
  HeuristicRow,
  HeuristicRowUpdate,
} from '@elf/schema';
import type { Kysely } from 'kysely';
import type { CoreHandle } from '../core-handle.js';
import { updateRow } from '../rows.js';

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

/** Who made a change by hand, for its audit row: a person, in the handle's session and agent, at `at`. */
export function manualChange(ctx: Pick<CoreHandle, 'sessionId' | 'agentId'>, at: string) {
  return { source: 'manual', sessionId: ctx.sessionId ?? null, agentId: ctx.agentId ?? null, at } as const;
}

/**
 * Changes a heuristic and writes the audit row that explains the change, on the caller's
 * transaction: from its confidence before to the one stored after (the same, unless the change
 * sets one). Returns the heuristic as stored.
 */
export async function changeHeuristic(
  db: Kysely<Database>,
  before: Pick<HeuristicRow, 'id' | 'confidence'>,
  changes: HeuristicRowUpdate,
  audit: Omit<AuditEntry, 'heuristicId' | 'oldConfidence' | 'newConfidence'>,
): Promise<HeuristicRow> {
  const row = await updateRow(db, 'heuristics', before.id, changes);
  await auditHeuristic(db, {
    ...audit,
    heuristicId: before.id,
    oldConfidence: before.confidence,
    newConfidence: row.confidence,
  });
  return row;
}
