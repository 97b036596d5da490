import type { Insertable, Selectable } from 'kysely';
import type { Defaulted, Flag, Id, Timestamp } from './timestamps.js';

export const confidenceUpdateTypes = [
  'validated',
  'violated',
  'contradicted',
  'consulted',
  'decay',
  'revived',
  'manual',
  'merged',
  'promoted',
  'demoted',
  'retracted',
  'superseded',
  'imported',
] as const;
export type ConfidenceUpdateType = (typeof confidenceUpdateTypes)[number];
export const confidenceUpdateSources = ['auto', 'manual', 'system'] as const;
export type ConfidenceUpdateSource = (typeof confidenceUpdateSources)[number];

/** Audit trail: every change of a heuristic's confidence or standing, with who and why. */
export interface ConfidenceUpdateTable {
  id: Id;
  heuristic_id: number;
  old_confidence: number;
  new_confidence: number;
  delta: number;
  update_type: ConfidenceUpdateType;
  source: Defaulted<ConfidenceUpdateSource>;
  reason: string | null;
  session_id: string | null;
  agent_id: string | null;
  rate_limited: Flag;
  raw_target_confidence: number | null;
  alpha_used: number | null;
  created_at: Timestamp;
}

export type ConfidenceUpdateRow = Selectable<ConfidenceUpdateTable>;
export type NewConfidenceUpdateRow = Insertable<ConfidenceUpdateTable>;
