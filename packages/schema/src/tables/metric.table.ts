import type { Insertable, Selectable } from 'kysely';
import type { Id, Timestamp } from './timestamps.js';

/** Event log of numeric observations (consultations, promotions, captures). Telemetry: prunable. */
export interface MetricTable {
  id: Id;
  timestamp: Timestamp;
  metric_type: string;
  metric_name: string;
  metric_value: number;
  tags: string | null;
  context: string | null;
}

export type MetricRow = Selectable<MetricTable>;
export type NewMetricRow = Insertable<MetricTable>;
