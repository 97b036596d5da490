import type { AssumptionTable } from './tables/assumption.table.js';
import type { BuildingQueryTable } from './tables/building-query.table.js';
import type { BuildingQueryDayTable } from './tables/building-query-day.table.js';
import type { CeoReviewTable } from './tables/ceo-review.table.js';
import type { ConfidenceUpdateTable } from './tables/confidence-update.table.js';
import type { CycleTable } from './tables/cycle.table.js';
import type { DecisionTable } from './tables/decision.table.js';
import type { DomainStatsTable } from './tables/domain-stats.table.js';
import type { ExperimentTable } from './tables/experiment.table.js';
import type { HeuristicTable } from './tables/heuristic.table.js';
import type { InvariantTable } from './tables/invariant.table.js';
import type { KeptCountTable } from './tables/kept-count.table.js';
import type { LearningTable } from './tables/learning.table.js';
import type { LearningTagTable } from './tables/learning-tag.table.js';
import type { MetricTable } from './tables/metric.table.js';
import type {
  HeuristicConsultationTable,
  SessionCaptureTable,
  SessionInjectionTable,
  SessionToolTable,
} from './tables/session-state.table.js';
import type { SessionSummaryTable } from './tables/session-summary.table.js';
import type { SettingTable } from './tables/setting.table.js';
import type { SpikeReportTable } from './tables/spike-report.table.js';
import type { TrailTable } from './tables/trail.table.js';
import type { ViolationTable } from './tables/violation.table.js';

/** Every table of an ELF database, as kysely sees it. FTS5 tables are queried with raw SQL. */
export interface Database {
  learnings: LearningTable;
  learning_tags: LearningTagTable;
  heuristics: HeuristicTable;
  decisions: DecisionTable;
  invariants: InvariantTable;
  assumptions: AssumptionTable;
  spike_reports: SpikeReportTable;
  experiments: ExperimentTable;
  cycles: CycleTable;
  ceo_reviews: CeoReviewTable;
  violations: ViolationTable;
  metrics: MetricTable;
  building_queries: BuildingQueryTable;
  trails: TrailTable;
  session_summaries: SessionSummaryTable;
  confidence_updates: ConfidenceUpdateTable;
  domain_stats: DomainStatsTable;
  session_injections: SessionInjectionTable;
  heuristic_consultations: HeuristicConsultationTable;
  session_tools: SessionToolTable;
  session_captures: SessionCaptureTable;
  settings: SettingTable;
  kept_counts: KeptCountTable;
  building_query_days: BuildingQueryDayTable;
}

/** Knowledge tables: what export, import and backups must never lose; prune never touches them. */
export const knowledgeTables = [
  'learnings',
  'heuristics',
  'decisions',
  'invariants',
  'assumptions',
  'spike_reports',
  'experiments',
  'cycles',
  'ceo_reviews',
  'violations',
] as const;

/** Telemetry tables: safe to prune by age. */
export const telemetryTables = ['building_queries', 'metrics', 'trails'] as const;

/** Per-session hook state: kept with the session, pruned with old sessions. */
export const sessionStateTables = [
  'session_injections',
  'heuristic_consultations',
  'session_tools',
  'session_captures',
] as const;
