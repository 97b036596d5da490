import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { toDecision } from '../mappers.js';
import { requireRow, updateRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Decision } from '../types.js';
import { id, optionalText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const supersedeDecisionInput = v.object({ id, by: id, reason: optionalText(2000) });
export type SupersedeDecisionInput = v.InferInput<typeof supersedeDecisionInput>;

/**
 * Replaces an architecture decision by a newer one: status `superseded`, `superseded_by` the new
 * one, and the reason (default: which one replaced it) kept with it. The new one must be in force
 * (accepted) or under discussion (proposed).
 */
export async function supersedeDecision(ctx: CoreHandle, input: SupersedeDecisionInput): Promise<Decision> {
  const data = parseInput(supersedeDecisionInput, input);
  if (data.by === data.id)
    throw new ElfError('INVALID_INPUT', `by: decision #${data.id} cannot supersede itself`, { field: 'by' });
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const old = await requireRow(trx, 'decisions', data.id);
    const next = await requireRow(trx, 'decisions', data.by, 'by');
    if (old.status === 'superseded')
      throw new ElfError('INVALID_INPUT', `id: decision #${old.id} is already superseded`, { field: 'id' });
    if (next.status !== 'accepted' && next.status !== 'proposed')
      throw new ElfError(
        'INVALID_INPUT',
        `by: decision #${next.id} is ${next.status}; only an accepted or proposed decision can supersede another`,
        { field: 'by' },
      );
    const row = await updateRow(trx, 'decisions', old.id, {
      status: 'superseded',
      superseded_by: next.id,
      status_reason: data.reason ?? `superseded by #${next.id}`,
      updated_at: now,
    });
    return toDecision(row);
  });
}
