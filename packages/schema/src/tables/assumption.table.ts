import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

export const assumptionStatuses = ['active', 'verified', 'challenged', 'invalidated'] as const;
export type AssumptionStatus = (typeof assumptionStatuses)[number];

/** Beliefs held without proof yet, verified or challenged over time. */
export interface AssumptionTable {
  id: Id;
  assumption: string;
  context: string | null;
  source: string | null;
  /** 0..1 */
  confidence: Defaulted<number>;
  status: Defaulted<AssumptionStatus>;
  domain: string | null;
  verified_count: Defaulted<number>;
  challenged_count: Defaulted<number>;
  last_verified_at: string | null;
  /** Tokens of the item's context text (o200k); null until counted or after its text changed. */
  token_count: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AssumptionRow = Selectable<AssumptionTable>;
export type NewAssumptionRow = Insertable<AssumptionTable>;
export type AssumptionRowUpdate = Updateable<AssumptionTable>;
