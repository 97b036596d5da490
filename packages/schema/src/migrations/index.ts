import type { Migration } from 'kysely';
import * as knowledgeTables from './2026_11_26_000100_knowledge_tables.js';
import * as workflowTables from './2026_11_26_000200_workflow_tables.js';
import * as telemetryTables from './2026_11_26_000300_telemetry_tables.js';
import * as fullTextSearch from './2026_11_26_000400_full_text_search.js';
import * as contextSupport from './2026_11_26_000500_context_support.js';
import * as leanerIndexes from './2026_11_26_000600_leaner_indexes.js';
import * as hookSessions from './2026_11_26_000700_hook_sessions.js';
import * as knowledgeLifecycle from './2026_11_27_000800_knowledge_lifecycle.js';
import * as heuristicScope from './2026_12_03_000900_heuristic_scope.js';
import * as keptCounts from './2026_12_03_001000_kept_counts.js';
import * as heuristicSources from './2026_12_03_001100_heuristic_sources.js';

/**
 * Every migration, in order. Listed in code rather than read from a folder so the bundled CLI
 * carries them. The schema version stored in `PRAGMA user_version` is the number applied.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026_11_26_000100_knowledge_tables': knowledgeTables,
  '2026_11_26_000200_workflow_tables': workflowTables,
  '2026_11_26_000300_telemetry_tables': telemetryTables,
  '2026_11_26_000400_full_text_search': fullTextSearch,
  '2026_11_26_000500_context_support': contextSupport,
  '2026_11_26_000600_leaner_indexes': leanerIndexes,
  '2026_11_26_000700_hook_sessions': hookSessions,
  '2026_11_27_000800_knowledge_lifecycle': knowledgeLifecycle,
  '2026_12_03_000900_heuristic_scope': heuristicScope,
  '2026_12_03_001000_kept_counts': keptCounts,
  '2026_12_03_001100_heuristic_sources': heuristicSources,
};

/** The schema version this build of ELF writes and understands. */
export const latestSchemaVersion = Object.keys(migrations).length;
