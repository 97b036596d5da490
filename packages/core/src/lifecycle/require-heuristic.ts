import type { HeuristicRow } from '@elf/schema';
import { ElfError } from '@elf/schema';

// The checks every change of a heuristic's standing starts with (retract, supersede, merge,
// promote, demote, revive, a person's outcome), after requireRow has found it: in a standing that
// allows the change.

/** status_reason's column limit. */
export const statusReasonMax = 2000;

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
