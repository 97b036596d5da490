import type { Database, HeuristicRow } from '@elf/schema';
import { ElfError } from '@elf/schema';
import type { Kysely } from 'kysely';

// The checks every change of a heuristic's standing starts with (retract, supersede, merge,
// promote, demote, revive, a person's outcome): found, and in a standing that allows the change.

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
