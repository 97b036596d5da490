import type { Kysely } from 'kysely';
import { domainCheck, isoCheck, lengthCheck, oneOf, runStatements, timestampColumns } from './sql-helpers.js';

// Learnings, heuristics and the other knowledge an agent is given: the tables ELF users know,
// with CHECK constraints for every enumerated or bounded column and the seed guide's indexes.

const upStatements = [
  `CREATE TABLE learnings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL ${oneOf('type', ['failure', 'success', 'observation', 'heuristic', 'experiment'])},
  filepath TEXT,
  title TEXT NOT NULL ${lengthCheck('title', 500)},
  summary TEXT ${lengthCheck('summary', 50000, true)},
  tags TEXT ${lengthCheck('tags', 2600, true)},
  domain TEXT NOT NULL DEFAULT 'general' ${domainCheck('domain')},
  severity INTEGER NOT NULL DEFAULT 3 CHECK (severity BETWEEN 1 AND 5),
  project_path TEXT,
  ${timestampColumns}
) STRICT`,
  'CREATE INDEX idx_learnings_domain ON learnings (domain)',
  'CREATE INDEX idx_learnings_type ON learnings (type)',
  'CREATE INDEX idx_learnings_tags ON learnings (tags)',
  'CREATE INDEX idx_learnings_created_at ON learnings (created_at DESC)',
  'CREATE INDEX idx_learnings_domain_created_at ON learnings (domain, created_at DESC)',
  'CREATE INDEX idx_learnings_type_created_at ON learnings (type, created_at DESC)',
  'CREATE INDEX idx_learnings_project_path ON learnings (project_path, created_at DESC) WHERE project_path IS NOT NULL',

  `CREATE TABLE learning_tags (
  tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 50),
  learning_id INTEGER NOT NULL REFERENCES learnings (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL ${isoCheck('created_at')},
  PRIMARY KEY (tag, learning_id)
) STRICT, WITHOUT ROWID`,
  'CREATE INDEX idx_learning_tags_learning_id ON learning_tags (learning_id)',

  `CREATE TABLE heuristics (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  domain TEXT NOT NULL ${domainCheck('domain')},
  rule TEXT NOT NULL ${lengthCheck('rule', 500)},
  explanation TEXT ${lengthCheck('explanation', 5000, true)},
  source_type TEXT NOT NULL DEFAULT 'observation' ${oneOf('source_type', [
    'failure',
    'success',
    'observation',
    'auto',
    'auto_distilled',
    'auto-detected',
    'manual',
    'import',
    'starter',
    'merged',
    'experiment',
  ])},
  source_id INTEGER,
  confidence REAL NOT NULL DEFAULT 0.5 CHECK (confidence BETWEEN 0 AND 1),
  times_validated INTEGER NOT NULL DEFAULT 0 CHECK (times_validated >= 0),
  times_violated INTEGER NOT NULL DEFAULT 0 CHECK (times_violated >= 0),
  times_contradicted INTEGER NOT NULL DEFAULT 0 CHECK (times_contradicted >= 0),
  times_consulted INTEGER NOT NULL DEFAULT 0 CHECK (times_consulted >= 0),
  is_golden INTEGER NOT NULL DEFAULT 0 CHECK (is_golden IN (0, 1)),
  category TEXT ${lengthCheck('category', 100, true)},
  status TEXT NOT NULL DEFAULT 'active' ${oneOf('status', ['active', 'dormant', 'archived', 'retracted', 'superseded'])},
  superseded_by INTEGER REFERENCES heuristics (id) ON DELETE SET NULL,
  project_path TEXT,
  last_used_at TEXT ${isoCheck('last_used_at', true)},
  ${timestampColumns}
) STRICT`,
  'CREATE INDEX idx_heuristics_domain ON heuristics (domain)',
  'CREATE INDEX idx_heuristics_is_golden ON heuristics (is_golden, times_validated DESC, confidence DESC)',
  'CREATE INDEX idx_heuristics_confidence ON heuristics (confidence DESC)',
  'CREATE INDEX idx_heuristics_created_at ON heuristics (created_at DESC)',
  'CREATE INDEX idx_heuristics_domain_confidence ON heuristics (domain, confidence DESC, times_validated DESC)',
  'CREATE INDEX idx_heuristics_project_path ON heuristics (project_path)',
  'CREATE INDEX idx_heuristics_status ON heuristics (status)',
  'CREATE INDEX idx_heuristics_last_used_at ON heuristics (last_used_at)',
  'CREATE INDEX idx_heuristics_superseded_by ON heuristics (superseded_by) WHERE superseded_by IS NOT NULL',

  `CREATE TABLE decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL ${lengthCheck('title', 500)},
  context TEXT NOT NULL ${lengthCheck('context', 50000)},
  options_considered TEXT ${lengthCheck('options_considered', 50000, true)},
  decision TEXT NOT NULL ${lengthCheck('decision', 50000)},
  rationale TEXT NOT NULL ${lengthCheck('rationale', 50000)},
  files_touched TEXT CHECK (files_touched IS NULL OR json_valid(files_touched)),
  tests_added TEXT CHECK (tests_added IS NULL OR json_valid(tests_added)),
  status TEXT NOT NULL DEFAULT 'accepted' ${oneOf('status', ['proposed', 'accepted', 'deprecated', 'superseded'])},
  domain TEXT ${domainCheck('domain', true)},
  superseded_by INTEGER REFERENCES decisions (id) ON DELETE SET NULL,
  ${timestampColumns}
) STRICT`,
  'CREATE INDEX idx_decisions_domain ON decisions (domain)',
  'CREATE INDEX idx_decisions_status_created_at ON decisions (status, created_at DESC)',
  'CREATE INDEX idx_decisions_created_at ON decisions (created_at DESC)',
  'CREATE INDEX idx_decisions_superseded_by ON decisions (superseded_by) WHERE superseded_by IS NOT NULL',

  `CREATE TABLE invariants (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  statement TEXT NOT NULL ${lengthCheck('statement', 5000)},
  rationale TEXT NOT NULL ${lengthCheck('rationale', 50000)},
  domain TEXT ${domainCheck('domain', true)},
  scope TEXT NOT NULL DEFAULT 'codebase' ${oneOf('scope', ['codebase', 'module', 'function', 'runtime'])},
  validation_type TEXT ${oneOf('validation_type', ['manual', 'automated', 'test'], true)},
  validation_code TEXT,
  severity TEXT NOT NULL DEFAULT 'error' ${oneOf('severity', ['error', 'warning', 'info'])},
  status TEXT NOT NULL DEFAULT 'active' ${oneOf('status', ['active', 'deprecated', 'violated'])},
  violation_count INTEGER NOT NULL DEFAULT 0 CHECK (violation_count >= 0),
  last_validated_at TEXT ${isoCheck('last_validated_at', true)},
  last_violated_at TEXT ${isoCheck('last_violated_at', true)},
  ${timestampColumns}
) STRICT`,
  'CREATE INDEX idx_invariants_domain ON invariants (domain)',
  'CREATE INDEX idx_invariants_status_created_at ON invariants (status, created_at DESC)',
  'CREATE INDEX idx_invariants_severity ON invariants (severity)',

  `CREATE TABLE assumptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  assumption TEXT NOT NULL ${lengthCheck('assumption', 5000)},
  context TEXT ${lengthCheck('context', 50000, true)},
  source TEXT ${lengthCheck('source', 5000, true)},
  confidence REAL NOT NULL DEFAULT 0.5 CHECK (confidence BETWEEN 0 AND 1),
  status TEXT NOT NULL DEFAULT 'active' ${oneOf('status', ['active', 'verified', 'challenged', 'invalidated'])},
  domain TEXT ${domainCheck('domain', true)},
  verified_count INTEGER NOT NULL DEFAULT 0 CHECK (verified_count >= 0),
  challenged_count INTEGER NOT NULL DEFAULT 0 CHECK (challenged_count >= 0),
  last_verified_at TEXT ${isoCheck('last_verified_at', true)},
  ${timestampColumns}
) STRICT`,
  'CREATE INDEX idx_assumptions_domain ON assumptions (domain)',
  'CREATE INDEX idx_assumptions_status_confidence ON assumptions (status, confidence DESC, created_at DESC)',
  'CREATE INDEX idx_assumptions_created_at ON assumptions (created_at DESC)',

  `CREATE TABLE spike_reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL ${lengthCheck('title', 500)},
  topic TEXT NOT NULL DEFAULT '' CHECK (length(topic) <= 500),
  question TEXT NOT NULL DEFAULT '' CHECK (length(question) <= 5000),
  findings TEXT NOT NULL DEFAULT '' CHECK (length(findings) <= 50000),
  gotchas TEXT ${lengthCheck('gotchas', 50000, true)},
  resources TEXT ${lengthCheck('resources', 50000, true)},
  time_invested_minutes INTEGER CHECK (time_invested_minutes IS NULL OR time_invested_minutes >= 0),
  domain TEXT ${domainCheck('domain', true)},
  tags TEXT ${lengthCheck('tags', 2600, true)},
  usefulness_score REAL NOT NULL DEFAULT 0 CHECK (usefulness_score BETWEEN 0 AND 5),
  access_count INTEGER NOT NULL DEFAULT 0 CHECK (access_count >= 0),
  ${timestampColumns}
) STRICT`,
  'CREATE INDEX idx_spike_reports_domain ON spike_reports (domain)',
  'CREATE INDEX idx_spike_reports_topic ON spike_reports (topic)',
  'CREATE INDEX idx_spike_reports_created_at ON spike_reports (created_at DESC)',
  'CREATE INDEX idx_spike_reports_usefulness ON spike_reports (usefulness_score DESC, created_at DESC)',
];

const downStatements = [
  'DROP TABLE spike_reports',
  'DROP TABLE assumptions',
  'DROP TABLE invariants',
  'DROP TABLE decisions',
  'DROP TABLE heuristics',
  'DROP TABLE learning_tags',
  'DROP TABLE learnings',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
