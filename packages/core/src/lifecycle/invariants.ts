import { ElfError, type InvariantRowUpdate } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { changeRow } from '../rows.js';
import type { Invariant } from '../types.js';
import { id, limits, optionalText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { appendNote, noteLimit } from './assumptions.js';

/** Violations at which an invariant's status becomes `violated` (as in the original ELF). */
export const violatedAfter = 3;

/**
 * Changes a live invariant by what `change` makes of it at the clock's now. A deprecated one is
 * history: it is neither validated nor violated any more.
 */
function changeLive(ctx: CoreHandle, id: number, change: (row: Invariant, now: string) => InvariantRowUpdate) {
  const now = nowIso(ctx);
  return changeRow(ctx.db, 'invariants', id, (row) => {
    if (row.status === 'deprecated') {
      throw new ElfError('INVALID_INPUT', `id: invariant #${row.id} is deprecated`, { field: 'id' });
    }
    return change(row, now);
  });
}

const validateInput = v.object({ id });
export type ValidateInvariantInput = v.InferInput<typeof validateInput>;

/** Notes that an invariant was checked and held: sets last_validated_at. */
export async function validateInvariant(ctx: CoreHandle, input: ValidateInvariantInput): Promise<Invariant> {
  const data = parseInput(validateInput, input);
  return changeLive(ctx, data.id, (_row, now) => ({ last_validated_at: now, updated_at: now }));
}

const violateInput = v.object({ id, note: optionalText(noteLimit) });
export type ViolateInvariantInput = v.InferInput<typeof violateInput>;

/**
 * Counts a violation; from the 3rd on the invariant is `violated` (shown first in contexts).
 * A note is appended to the rationale, dated, so the evidence stays with the invariant.
 */
export async function violateInvariant(ctx: CoreHandle, input: ViolateInvariantInput): Promise<Invariant> {
  const data = parseInput(violateInput, input);
  return changeLive(ctx, data.id, (row, now) => {
    const count = row.violation_count + 1;
    return {
      violation_count: count,
      last_violated_at: now,
      status: count >= violatedAfter ? 'violated' : row.status,
      rationale: data.note ? appendNote(row.rationale, 'violated', now, data.note, limits.longText) : row.rationale,
      updated_at: now,
    };
  });
}
