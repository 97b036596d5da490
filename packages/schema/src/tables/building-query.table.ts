import type { Insertable, Selectable } from 'kysely';
import type { Id, Timestamp } from './timestamps.js';

export const buildingQueryStatuses = ['success', 'error', 'timeout'] as const;
export type BuildingQueryStatus = (typeof buildingQueryStatuses)[number];

/** One row per public query: what was asked, how long it took, how it ended. Telemetry: prunable. */
export interface BuildingQueryTable {
  id: Id;
  query_type: string;
  session_id: string | null;
  agent_id: string | null;
  domain: string | null;
  tags: string | null;
  limit_requested: number | null;
  max_tokens_requested: number | null;
  results_returned: number | null;
  tokens_approximated: number | null;
  duration_ms: number | null;
  status: BuildingQueryStatus;
  error_message: string | null;
  error_code: string | null;
  golden_rules_returned: number | null;
  heuristics_count: number | null;
  learnings_count: number | null;
  experiments_count: number | null;
  ceo_reviews_count: number | null;
  query_summary: string | null;
  created_at: Timestamp;
  completed_at: string | null;
}

export type BuildingQueryRow = Selectable<BuildingQueryTable>;
export type NewBuildingQueryRow = Insertable<BuildingQueryTable>;
