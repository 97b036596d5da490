import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { toHeuristic } from '../mappers.js';
import { requireRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Heuristic } from '../types.js';
import { id, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { changeHeuristic, manualChange } from './audit.js';
import { statusReasonMax } from './require-heuristic.js';

const retractInput = v.object({ id, reason: text(statusReasonMax) });
export type RetractHeuristicInput = v.InferInput<typeof retractInput>;

/**
 * Withdraws a heuristic found to be wrong: status `retracted` with the reason and when, and a
 * `retracted` audit row. Nothing is deleted: it stays searchable (marked) but is never injected.
 */
export async function retractHeuristic(ctx: CoreHandle, input: RetractHeuristicInput): Promise<Heuristic> {
  const data = parseInput(retractInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const old = await requireRow(trx, 'heuristics', data.id);
    if (old.status === 'retracted')
      throw new ElfError('INVALID_INPUT', `id: heuristic #${old.id} is already retracted`, { field: 'id' });
    const row = await changeHeuristic(
      trx,
      old,
      { status: 'retracted', status_reason: data.reason, status_changed_at: now, updated_at: now },
      { ...manualChange(ctx, now), type: 'retracted', reason: data.reason },
    );
    return toHeuristic(row);
  });
}
