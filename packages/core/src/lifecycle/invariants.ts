import { type Database, ElfError } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { requireRow, updateRow } from '../rows.js';
import { writeTransaction } from '../transaction.js';
import type { Invariant } from '../types.js';
import { id, limits, optionalText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { appendNote, noteLimit } from './assumptions.js';

/** Violations at which an invariant's status becomes `violated` (as in the original ELF). */
export const violatedAfter = 3;

async function liveInvariant(trx: Kysely<Database>, wanted: number): Promise<Invariant> {
  const row = await requireRow(trx, 'invariants', wanted);
  if (row.status === 'deprecated') {
    throw new ElfError('INVALID_INPUT', `id: invariant #${wanted} is deprecated`, { field: 'id' });
  }
  return row;
}

const validateInput = v.object({ id });
export type ValidateInvariantInput = v.InferInput<typeof validateInput>;

/** Notes that an invariant was checked and held: sets last_validated_at. */
export async function validateInvariant(ctx: CoreHandle, input: ValidateInvariantInput): Promise<Invariant> {
  const data = parseInput(validateInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const row = await liveInvariant(trx, data.id);
    return updateRow(trx, 'invariants', row.id, { last_validated_at: now, updated_at: now });
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
  return writeTransaction(ctx.db, async (trx) => {
    const row = await liveInvariant(trx, data.id);
    const count = row.violation_count + 1;
    return updateRow(trx, 'invariants', row.id, {
      violation_count: count,
      last_violated_at: now,
      status: count >= violatedAfter ? 'violated' : row.status,
      rationale: data.note ? appendNote(row.rationale, 'violated', now, data.note, limits.longText) : row.rationale,
      updated_at: now,
    });
  });
}
