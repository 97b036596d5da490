export {
  type BackupFile,
  type BackupOptions,
  type BackupResult,
  createBackup,
  listBackups,
  verifyBackup,
} from './backup/backup.js';
export { type RestoreOptions, type RestoreResult, restoreBackup } from './backup/restore.js';
export { type MarkdownGoldenRule, parseGoldenRulesMarkdown } from './elf-py/golden-rules-md.js';
export { type ElfPyImportOptions, type ElfPyImportReport, importElfPy } from './elf-py/import-elf-py.js';
export { legacyDomain, legacyTags, legacyTimestamp } from './elf-py/legacy-values.js';
export {
  type GoldenImportAction,
  type GoldenImportOptions,
  type GoldenImportReport,
  type GoldenImportResult,
  importedGoldenConfidence,
  importGoldenRules,
} from './golden/import-golden-rules.js';
export {
  checkHealth,
  defaultThresholds,
  type HealthCheck,
  type HealthOptions,
  type HealthReport,
  type HealthStatus,
} from './health/health.js';
export { checkIntegrity, type IntegrityResult } from './health/integrity.js';
export { type PruneResult, pruneTelemetry } from './prune/prune.js';
export { type DatabaseStats, databaseStats, type TableStats } from './stats/database-stats.js';
export { type MaintenanceTask, runMaintenanceTask, type TaskResult } from './tasks/maintenance-tasks.js';
export {
  type ExportHeader,
  type ExportLine,
  exportFormat,
  exportJsonl,
  exportVersion,
  type Sink,
} from './transfer/export-jsonl.js';
export { exportMarkdown } from './transfer/export-markdown.js';
export { importJsonl } from './transfer/import-jsonl.js';
export { Importer, type ImportReport } from './transfer/importer.js';
export { identityKey, kindTable, type TransferKind, transferKinds } from './transfer/kinds.js';
