import type { Database, HeuristicRow } from '@elf/schema';
import { ElfError } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { type CoreContext, nowIso } from '../context.js';
import { toHeuristic } from '../mappers.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { id, optionalText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { auditHeuristic } from './audit.js';

/** status_reason's column limit. */
export const statusReasonMax = 2000;

/** The heuristic with this id, or NOT_FOUND naming `field`. */
export async function requireHeuristic(
  db: Kysely<Database>,
  heuristicId: number,
  field: string,
): Promise<HeuristicRow> {
  const row = await db.selectFrom('heuristics').selectAll().where('id', '=', heuristicId).executeTakeFirst();
  if (!row) throw new ElfError('NOT_FOUND', `${field}: no heuristic with id ${heuristicId}`, { field });
  return row;
}

/** Refuses a heuristic that is already retired (retracted or superseded). */
export function requireNotRetired(row: HeuristicRow, field: string): void {
  if (row.status === 'retracted' || row.status === 'superseded')
    throw new ElfError('INVALID_INPUT', `${field}: heuristic #${row.id} is already ${row.status}`, { field });
}

/** Refuses a heuristic that is not active (the one that replaces or absorbs another must be). */
export function requireActive(row: HeuristicRow, field: string, role: string): void {
  if (row.status !== 'active')
    throw new ElfError('INVALID_INPUT', `${field}: heuristic #${row.id} is ${row.status}; ${role}`, { field });
}

const supersedeInput = v.object({
  id,
  by: id,
  reason: optionalText(statusReasonMax),
});
export type SupersedeHeuristicInput = v.InferInput<typeof supersedeInput>;

/**
 * Retires a heuristic in favour of a better one: status `superseded`, `superseded_by` the new one,
 * the reason kept, and a `superseded` audit row on the old one naming the new one. The old one
 * stays (searchable, marked) but is never injected again.
 */
export async function supersedeHeuristic(ctx: CoreContext, input: SupersedeHeuristicInput): Promise<Heuristic> {
  const data = parseInput(supersedeInput, input);
  if (data.by === data.id)
    throw new ElfError('INVALID_INPUT', `by: heuristic #${data.id} cannot supersede itself`, { field: 'by' });
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const old = await requireHeuristic(trx, data.id, 'id');
    const next = await requireHeuristic(trx, data.by, 'by');
    requireNotRetired(old, 'id');
    requireActive(next, 'by', 'only an active heuristic can supersede another');
    const reason = data.reason ?? `superseded by #${next.id}`;
    const row = await trx
      .updateTable('heuristics')
      .set({
        status: 'superseded',
        superseded_by: next.id,
        status_reason: reason,
        status_changed_at: now,
        updated_at: now,
      })
      .where('id', '=', old.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditHeuristic(trx, {
      heuristicId: old.id,
      type: 'superseded',
      oldConfidence: old.confidence,
      newConfidence: old.confidence,
      source: 'manual',
      reason: data.reason ? `superseded by #${next.id}: ${data.reason}` : reason,
      sessionId: ctx.sessionId ?? null,
      agentId: ctx.agentId ?? null,
      at: now,
    });
    return toHeuristic(row);
  });
}
