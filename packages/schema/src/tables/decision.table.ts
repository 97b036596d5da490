import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

export const decisionStatuses = ['proposed', 'accepted', 'deprecated', 'superseded'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** Architecture decision records. */
export interface DecisionTable {
  id: Id;
  title: string;
  context: string;
  options_considered: string | null;
  decision: string;
  rationale: string;
  /** JSON array of paths. */
  files_touched: string | null;
  /** JSON array of test names. */
  tests_added: string | null;
  status: Defaulted<DecisionStatus>;
  /** null = applies to every domain. */
  domain: string | null;
  superseded_by: number | null;
  /** Why it was superseded. */
  status_reason: string | null;
  /** Tokens of the item's context text (o200k); null until counted or after its text changed. */
  token_count: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DecisionRow = Selectable<DecisionTable>;
export type NewDecisionRow = Insertable<DecisionTable>;
export type DecisionRowUpdate = Updateable<DecisionTable>;
