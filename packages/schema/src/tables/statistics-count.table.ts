import type { Selectable } from 'kysely';

/**
 * Rows per `table.column` value (learnings.type, experiments.status, ceo_reviews.status), or a
 * table's row total (name = the table, value ''). Kept by triggers; never written by code.
 */
export interface StatisticsCountTable {
  name: string;
  value: string;
  n: number;
}

export type StatisticsCountRow = Selectable<StatisticsCountTable>;
