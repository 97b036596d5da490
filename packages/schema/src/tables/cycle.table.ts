import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Id, Timestamp } from './timestamps.js';

/** One try/break/analyze/learn round of an experiment. */
export interface CycleTable {
  id: Id;
  experiment_id: number;
  cycle_number: number;
  try_summary: string | null;
  break_summary: string | null;
  analysis: string | null;
  learning_extracted: string | null;
  heuristic_id: number | null;
  /** What to try next. */
  next_step: string | null;
  created_at: Timestamp;
}

export type CycleRow = Selectable<CycleTable>;
export type NewCycleRow = Insertable<CycleTable>;
export type CycleRowUpdate = Updateable<CycleTable>;
