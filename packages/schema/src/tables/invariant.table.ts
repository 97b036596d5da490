import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

export const invariantScopes = ['codebase', 'module', 'function', 'runtime'] as const;
export type InvariantScope = (typeof invariantScopes)[number];
export const invariantSeverities = ['error', 'warning', 'info'] as const;
export type InvariantSeverity = (typeof invariantSeverities)[number];
export const invariantStatuses = ['active', 'deprecated', 'violated'] as const;
export type InvariantStatus = (typeof invariantStatuses)[number];
export const invariantValidationTypes = ['manual', 'automated', 'test'] as const;
export type InvariantValidationType = (typeof invariantValidationTypes)[number];

/** Statements that must always hold. */
export interface InvariantTable {
  id: Id;
  statement: string;
  rationale: string;
  domain: string | null;
  scope: Defaulted<InvariantScope>;
  validation_type: InvariantValidationType | null;
  validation_code: string | null;
  severity: Defaulted<InvariantSeverity>;
  status: Defaulted<InvariantStatus>;
  violation_count: Defaulted<number>;
  last_validated_at: string | null;
  last_violated_at: string | null;
  /** Tokens of the item's context text (o200k); null until counted or after its text changed. */
  token_count: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type InvariantRow = Selectable<InvariantTable>;
export type NewInvariantRow = Insertable<InvariantTable>;
export type InvariantRowUpdate = Updateable<InvariantTable>;
