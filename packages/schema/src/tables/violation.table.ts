import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Flag, Id, Timestamp } from './timestamps.js';

/** A golden rule that was broken: accountability over a 7-day window. */
export interface ViolationTable {
  id: Id;
  /** Id of the golden heuristic that was violated. */
  rule_id: number;
  rule_name: string;
  violation_date: Timestamp;
  description: string | null;
  session_id: string | null;
  acknowledged: Flag;
}

export type ViolationRow = Selectable<ViolationTable>;
export type NewViolationRow = Insertable<ViolationTable>;
export type ViolationRowUpdate = Updateable<ViolationTable>;
