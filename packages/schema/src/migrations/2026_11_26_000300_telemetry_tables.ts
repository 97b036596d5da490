import type { Kysely } from 'kysely';
import { isoCheck, nowIso, oneOf, runStatements } from './sql-helpers.js';

// Telemetry (query log, metrics, trails), session summaries and the confidence audit trail.

const upStatements = [
  `CREATE TABLE metrics (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  timestamp TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('timestamp')},
  metric_type TEXT NOT NULL,
  metric_name TEXT NOT NULL,
  metric_value REAL NOT NULL,
  tags TEXT,
  context TEXT
) STRICT`,
  'CREATE INDEX idx_metrics_timestamp ON metrics (timestamp DESC)',
  'CREATE INDEX idx_metrics_type_name_timestamp ON metrics (metric_type, metric_name, timestamp DESC)',

  `CREATE TABLE building_queries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  query_type TEXT NOT NULL,
  session_id TEXT,
  agent_id TEXT,
  domain TEXT,
  tags TEXT,
  limit_requested INTEGER,
  max_tokens_requested INTEGER,
  results_returned INTEGER,
  tokens_approximated INTEGER,
  duration_ms REAL CHECK (duration_ms IS NULL OR duration_ms >= 0),
  status TEXT NOT NULL ${oneOf('status', ['success', 'error', 'timeout'])},
  error_message TEXT,
  error_code TEXT,
  golden_rules_returned INTEGER,
  heuristics_count INTEGER,
  learnings_count INTEGER,
  experiments_count INTEGER,
  ceo_reviews_count INTEGER,
  query_summary TEXT,
  created_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('created_at')},
  completed_at TEXT ${isoCheck('completed_at', true)}
) STRICT`,
  'CREATE INDEX idx_building_queries_query_type ON building_queries (query_type)',
  'CREATE INDEX idx_building_queries_session_id ON building_queries (session_id)',
  'CREATE INDEX idx_building_queries_created_at ON building_queries (created_at DESC)',
  'CREATE INDEX idx_building_queries_status ON building_queries (status)',
  'CREATE INDEX idx_building_queries_duration ON building_queries (duration_ms)',

  `CREATE TABLE trails (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER,
  location TEXT NOT NULL CHECK (length(location) BETWEEN 1 AND 4096),
  location_type TEXT NOT NULL DEFAULT 'file' ${oneOf('location_type', ['file', 'function', 'class', 'concept', 'tag', 'command'])},
  scent TEXT NOT NULL ${oneOf('scent', ['discovery', 'warning', 'blocker', 'hot', 'cold', 'read', 'write', 'search', 'exec'])},
  strength REAL NOT NULL DEFAULT 1.0 CHECK (strength >= 0),
  agent_id TEXT,
  session_id TEXT,
  node_id TEXT,
  message TEXT,
  tags TEXT,
  project_path TEXT,
  created_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('created_at')},
  expires_at TEXT ${isoCheck('expires_at', true)}
) STRICT`,
  'CREATE INDEX idx_trails_location ON trails (location, created_at DESC)',
  'CREATE INDEX idx_trails_scent ON trails (scent)',
  'CREATE INDEX idx_trails_strength ON trails (strength DESC)',
  'CREATE INDEX idx_trails_created_at ON trails (created_at DESC)',
  'CREATE INDEX idx_trails_agent_id ON trails (agent_id)',
  'CREATE INDEX idx_trails_session_id ON trails (session_id)',
  'CREATE INDEX idx_trails_run_id ON trails (run_id) WHERE run_id IS NOT NULL',

  `CREATE TABLE session_summaries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL UNIQUE,
  project TEXT NOT NULL,
  tool_summary TEXT,
  content_summary TEXT,
  conversation_summary TEXT,
  files_touched TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(files_touched)),
  tool_counts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(tool_counts)),
  domains TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(domains)),
  heuristics_consulted TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(heuristics_consulted)),
  message_count INTEGER NOT NULL DEFAULT 0 CHECK (message_count >= 0),
  failures_count INTEGER NOT NULL DEFAULT 0 CHECK (failures_count >= 0),
  markers_count INTEGER NOT NULL DEFAULT 0 CHECK (markers_count >= 0),
  session_file_path TEXT,
  session_file_size INTEGER,
  session_last_modified TEXT,
  started_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('started_at')},
  ended_at TEXT ${isoCheck('ended_at', true)},
  summarized_at TEXT ${isoCheck('summarized_at', true)},
  summarizer_model TEXT NOT NULL DEFAULT 'rules',
  summary_version INTEGER NOT NULL DEFAULT 1,
  is_stale INTEGER NOT NULL DEFAULT 0 CHECK (is_stale IN (0, 1)),
  needs_resummarize INTEGER NOT NULL DEFAULT 0 CHECK (needs_resummarize IN (0, 1))
) STRICT`,
  'CREATE INDEX idx_session_summaries_project ON session_summaries (project, started_at DESC)',
  'CREATE INDEX idx_session_summaries_summarized_at ON session_summaries (summarized_at DESC)',
  'CREATE INDEX idx_session_summaries_started_at ON session_summaries (started_at DESC)',
  'CREATE INDEX idx_session_summaries_is_stale ON session_summaries (is_stale) WHERE is_stale = 1',

  `CREATE TABLE confidence_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  heuristic_id INTEGER NOT NULL REFERENCES heuristics (id) ON DELETE CASCADE,
  old_confidence REAL NOT NULL CHECK (old_confidence BETWEEN 0 AND 1),
  new_confidence REAL NOT NULL CHECK (new_confidence BETWEEN 0 AND 1),
  delta REAL NOT NULL,
  update_type TEXT NOT NULL ${oneOf('update_type', [
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
  ])},
  source TEXT NOT NULL DEFAULT 'auto' ${oneOf('source', ['auto', 'manual', 'system'])},
  reason TEXT,
  session_id TEXT,
  agent_id TEXT,
  rate_limited INTEGER NOT NULL DEFAULT 0 CHECK (rate_limited IN (0, 1)),
  raw_target_confidence REAL,
  alpha_used REAL,
  created_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('created_at')}
) STRICT`,
  'CREATE INDEX idx_confidence_updates_heuristic ON confidence_updates (heuristic_id, created_at DESC)',
  'CREATE INDEX idx_confidence_updates_session ON confidence_updates (session_id) WHERE session_id IS NOT NULL',
  'CREATE INDEX idx_confidence_updates_created_at ON confidence_updates (created_at DESC)',
];

const downStatements = [
  'DROP TABLE confidence_updates',
  'DROP TABLE session_summaries',
  'DROP TABLE trails',
  'DROP TABLE building_queries',
  'DROP TABLE metrics',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
