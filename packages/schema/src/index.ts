export {
  type BackupProgress,
  type BackupSource,
  backupTo,
  type CopyOptions,
  copyDatabaseFile,
} from './connection/backup.js';
export {
  defaultBusyTimeoutMs,
  type ElfDatabase,
  type OpenDatabaseOptions,
  openDatabase,
} from './connection/open-database.js';
export { type ForeignDatabase, openForeignDatabase } from './connection/open-foreign.js';
export { type Database, knowledgeTables, sessionStateTables, telemetryTables } from './database.js';
export {
  ElfError,
  type ElfErrorCode,
  type ElfErrorOptions,
  elfErrorCodes,
  isElfError,
  sqliteCause,
  toElfError,
} from './errors.js';
export { latestSchemaVersion, migrations } from './migrations/index.js';
export {
  getSchemaVersion,
  type MigrateOptions,
  type MigrationReport,
  migrateDown,
  migrateToLatest,
} from './migrations/schema-migrator.js';
export { expectedIndexes, expectedTables, ftsTables } from './schema-contract.js';
export {
  type AssumptionRow,
  type AssumptionRowUpdate,
  type AssumptionStatus,
  type AssumptionTable,
  assumptionStatuses,
  type NewAssumptionRow,
} from './tables/assumption.table.js';
export {
  type BuildingQueryRow,
  type BuildingQueryStatus,
  type BuildingQueryTable,
  buildingQueryStatuses,
  type NewBuildingQueryRow,
} from './tables/building-query.table.js';
export type { BuildingQueryDayRow, BuildingQueryDayTable } from './tables/building-query-day.table.js';
export {
  type CeoReviewRow,
  type CeoReviewRowUpdate,
  type CeoReviewStatus,
  type CeoReviewTable,
  ceoReviewStatuses,
  type NewCeoReviewRow,
} from './tables/ceo-review.table.js';
export {
  type ConfidenceUpdateRow,
  type ConfidenceUpdateSource,
  type ConfidenceUpdateTable,
  type ConfidenceUpdateType,
  confidenceUpdateSources,
  confidenceUpdateTypes,
  type NewConfidenceUpdateRow,
} from './tables/confidence-update.table.js';
export type { CycleRow, CycleRowUpdate, CycleTable, NewCycleRow } from './tables/cycle.table.js';
export {
  type DecisionRow,
  type DecisionRowUpdate,
  type DecisionStatus,
  type DecisionTable,
  decisionStatuses,
  type NewDecisionRow,
} from './tables/decision.table.js';
export type { DomainStatsRow, DomainStatsTable } from './tables/domain-stats.table.js';
export {
  type ExperimentRow,
  type ExperimentRowUpdate,
  type ExperimentStatus,
  type ExperimentTable,
  experimentStatuses,
  type NewExperimentRow,
} from './tables/experiment.table.js';
export {
  type HeuristicRow,
  type HeuristicRowUpdate,
  type HeuristicSourceType,
  type HeuristicStatus,
  type HeuristicTable,
  heuristicSourceTypes,
  heuristicStatuses,
  type NewHeuristicRow,
} from './tables/heuristic.table.js';
export {
  type InvariantRow,
  type InvariantRowUpdate,
  type InvariantScope,
  type InvariantSeverity,
  type InvariantStatus,
  type InvariantTable,
  type InvariantValidationType,
  invariantScopes,
  invariantSeverities,
  invariantStatuses,
  invariantValidationTypes,
  type NewInvariantRow,
} from './tables/invariant.table.js';
export type { KeptCountRow, KeptCountTable } from './tables/kept-count.table.js';
export {
  type LearningRow,
  type LearningRowUpdate,
  type LearningTable,
  type LearningType,
  learningTypes,
  type NewLearningRow,
} from './tables/learning.table.js';
export type { LearningTagRow, LearningTagTable, NewLearningTagRow } from './tables/learning-tag.table.js';
export type { MetricRow, MetricTable, NewMetricRow } from './tables/metric.table.js';
export {
  type ConsultationOutcome,
  consultationOutcomes,
  type HeuristicConsultationRow,
  type HeuristicConsultationTable,
  type NewHeuristicConsultationRow,
  type NewSessionInjectionRow,
  type SessionCaptureRow,
  type SessionCaptureTable,
  type SessionInjectionRow,
  type SessionInjectionTable,
  type SessionToolRow,
  type SessionToolTable,
} from './tables/session-state.table.js';
export type {
  NewSessionSummaryRow,
  SessionSummaryRow,
  SessionSummaryRowUpdate,
  SessionSummaryTable,
} from './tables/session-summary.table.js';
export type { NewSettingRow, SettingRow, SettingTable } from './tables/setting.table.js';
export type {
  NewSpikeReportRow,
  SpikeReportRow,
  SpikeReportRowUpdate,
  SpikeReportTable,
} from './tables/spike-report.table.js';
export {
  type NewTrailRow,
  type TrailLocationType,
  type TrailRow,
  type TrailScent,
  type TrailTable,
  trailLocationTypes,
  trailScents,
} from './tables/trail.table.js';
export type {
  NewViolationRow,
  ViolationRow,
  ViolationRowUpdate,
  ViolationTable,
} from './tables/violation.table.js';
