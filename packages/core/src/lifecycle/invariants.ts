import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { changeRow } from '../rows.js';
import type { Invariant } from '../types.js';
import { id, limits, optionalText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { appendNote, noteLimit } from './assumptions.js';

/** Violations at which an invariant's status becomes `violated` (as in the original ELF). */
export const violatedAfter = 3;

/** Refuses a deprecated invariant: it no longer holds or fails, it is history. */
function requireLive(row: Invariant): void {
  if (row.status === 'deprecated') {
    throw new ElfError('INVALID_INPUT', `id: invariant #${row.id} is deprecated`, { field: 'id' });
  }
}

const validateInput = v.object({ id });
export type ValidateInvariantInput = v.InferInput<typeof validateInput>;

/** Notes that an invariant was checked and held: sets last_validated_at. */
export async function validateInvariant(ctx: CoreHandle, input: ValidateInvariantInput): Promise<Invariant> {
  const data = parseInput(validateInput, input);
  const now = nowIso(ctx);
  return changeRow(ctx.db, 'invariants', data.id, (row) => {
    requireLive(row);
    return { last_validated_at: now, updated_at: now };
  });
}

const violateInput = v.object({ id, note: optionalText(noteLimit) });
export type ViolateInvariantInput = v.InferInput<typeof violateInput>;

/**
 * Counts a violation; from the 3rd on the invariant is `violated` (shown first in contexts).
 * A note is appended to the rationale, dated, so the evidence stays with the invariant.
 */
export async function violateInvariant(ctx: CoreHandle, input: ViolateInvariantInput): Promise<Invariant> {
  const data = parseInput(violateInput, input);
  const now = nowIso(ctx);
  return changeRow(ctx.db, 'invariants', data.id, (row) => {
    requireLive(row);
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
