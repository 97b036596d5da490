import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

/** Time-boxed research notes. */
export interface SpikeReportTable {
  id: Id;
  title: string;
  topic: Defaulted<string>;
  question: Defaulted<string>;
  findings: Defaulted<string>;
  gotchas: string | null;
  resources: string | null;
  time_invested_minutes: number | null;
  domain: string | null;
  tags: string | null;
  /** Running average of ratings, 0..5. */
  usefulness_score: Defaulted<number>;
  access_count: Defaulted<number>;
  /** Tokens of the item's context text (o200k); null until counted or after its text changed. */
  token_count: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SpikeReportRow = Selectable<SpikeReportTable>;
export type NewSpikeReportRow = Insertable<SpikeReportTable>;
export type SpikeReportRowUpdate = Updateable<SpikeReportTable>;
