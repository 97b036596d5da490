import type { Insertable, Selectable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

export const trailLocationTypes = ['file', 'function', 'class', 'concept', 'tag', 'command'] as const;
export type TrailLocationType = (typeof trailLocationTypes)[number];
export const trailScents = [
  'discovery',
  'warning',
  'blocker',
  'hot',
  'cold',
  'read',
  'write',
  'search',
  'exec',
] as const;
export type TrailScent = (typeof trailScents)[number];

/** Where agents went ("pheromone trails"): the raw material of hotspots. Telemetry: prunable. */
export interface TrailTable {
  id: Id;
  run_id: number | null;
  location: string;
  location_type: Defaulted<TrailLocationType>;
  scent: TrailScent;
  strength: Defaulted<number>;
  agent_id: string | null;
  session_id: string | null;
  node_id: string | null;
  message: string | null;
  tags: string | null;
  project_path: string | null;
  created_at: Timestamp;
  expires_at: string | null;
}

export type TrailRow = Selectable<TrailTable>;
export type NewTrailRow = Insertable<TrailTable>;
