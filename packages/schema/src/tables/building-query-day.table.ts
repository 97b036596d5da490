import type { Selectable } from 'kysely';

/**
 * building_queries per UTC day of created_at: the queries, how many have a duration, and those
 * durations summed in whole microseconds. Kept by triggers; never written by code.
 */
export interface BuildingQueryDayTable {
  day: string;
  queries: number;
  timed: number;
  duration_us: number;
}

export type BuildingQueryDayRow = Selectable<BuildingQueryDayTable>;
