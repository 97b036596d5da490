import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

export const experimentStatuses = ['active', 'completed', 'abandoned'] as const;
export type ExperimentStatus = (typeof experimentStatuses)[number];

/** A hypothesis tested in try → break → analyze → learn → next cycles. */
export interface ExperimentTable {
  id: Id;
  name: string;
  hypothesis: string | null;
  status: Defaulted<ExperimentStatus>;
  cycles_run: Defaulted<number>;
  folder_path: string | null;
  conclusion: string | null;
  domain: string | null;
  /** Tokens of the item's context text (o200k); null until counted or after its text changed. */
  token_count: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: string | null;
}

export type ExperimentRow = Selectable<ExperimentTable>;
export type NewExperimentRow = Insertable<ExperimentTable>;
export type ExperimentRowUpdate = Updateable<ExperimentTable>;
