import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { toHeuristic } from '../mappers.js';
import { requireRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { id, optionalText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { changeHeuristic, manualChange } from './audit.js';
import { requireActive, requireNotRetired, statusReasonMax } from './require-heuristic.js';

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
export async function supersedeHeuristic(ctx: CoreHandle, input: SupersedeHeuristicInput): Promise<Heuristic> {
  const data = parseInput(supersedeInput, input);
  if (data.by === data.id)
    throw new ElfError('INVALID_INPUT', `by: heuristic #${data.id} cannot supersede itself`, { field: 'by' });
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const old = await requireRow(trx, 'heuristics', data.id);
    const next = await requireRow(trx, 'heuristics', data.by, 'by');
    requireNotRetired(old, 'id');
    requireActive(next, 'by', 'only an active heuristic can supersede another');
    const reason = data.reason ?? `superseded by #${next.id}`;
    const row = await changeHeuristic(
      trx,
      old,
      { status: 'superseded', superseded_by: next.id, status_reason: reason, status_changed_at: now, updated_at: now },
      {
        ...manualChange(ctx, now),
        type: 'superseded',
        reason: data.reason ? `superseded by #${next.id}: ${data.reason}` : reason,
      },
    );
    return toHeuristic(row);
  });
}
