import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

export const ceoReviewStatuses = ['pending', 'approved', 'rejected'] as const;
export type CeoReviewStatus = (typeof ceoReviewStatuses)[number];

/** Escalations waiting for a human decision. */
export interface CeoReviewTable {
  id: Id;
  title: string;
  context: string | null;
  recommendation: string | null;
  status: Defaulted<CeoReviewStatus>;
  decision_note: string | null;
  /** Tokens of the item's context text (o200k); null until counted or after its text changed. */
  token_count: number | null;
  created_at: Timestamp;
  reviewed_at: string | null;
  /** Set on reviews ELF opens itself (e.g. `violations:7d`): one pending review per key. */
  source_key: string | null;
}

export type CeoReviewRow = Selectable<CeoReviewTable>;
export type NewCeoReviewRow = Insertable<CeoReviewTable>;
export type CeoReviewRowUpdate = Updateable<CeoReviewTable>;
