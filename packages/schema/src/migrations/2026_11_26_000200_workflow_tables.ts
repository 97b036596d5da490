import type { Kysely } from 'kysely';
import { domainCheck, isoCheck, lengthCheck, nowIso, oneOf, runStatements, timestampColumns } from './sql-helpers.js';

// Experiments and their cycles, CEO reviews (human escalations) and golden-rule violations.

const upStatements = [
  `CREATE TABLE experiments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE ${lengthCheck('name', 200)},
  hypothesis TEXT ${lengthCheck('hypothesis', 5000, true)},
  status TEXT NOT NULL DEFAULT 'active' ${oneOf('status', ['active', 'completed', 'abandoned'])},
  cycles_run INTEGER NOT NULL DEFAULT 0 CHECK (cycles_run >= 0),
  folder_path TEXT,
  conclusion TEXT ${lengthCheck('conclusion', 50000, true)},
  domain TEXT ${domainCheck('domain', true)},
  ${timestampColumns},
  completed_at TEXT ${isoCheck('completed_at', true)}
) STRICT`,
  'CREATE INDEX idx_experiments_status_created_at ON experiments (status, created_at DESC)',

  `CREATE TABLE cycles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  cycle_number INTEGER NOT NULL CHECK (cycle_number >= 1),
  try_summary TEXT,
  break_summary TEXT,
  analysis TEXT,
  learning_extracted TEXT,
  heuristic_id INTEGER REFERENCES heuristics (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('created_at')},
  UNIQUE (experiment_id, cycle_number)
) STRICT`,
  'CREATE INDEX idx_cycles_heuristic_id ON cycles (heuristic_id) WHERE heuristic_id IS NOT NULL',

  `CREATE TABLE ceo_reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL ${lengthCheck('title', 500)},
  context TEXT ${lengthCheck('context', 50000, true)},
  recommendation TEXT ${lengthCheck('recommendation', 50000, true)},
  status TEXT NOT NULL DEFAULT 'pending' ${oneOf('status', ['pending', 'approved', 'rejected'])},
  decision_note TEXT,
  created_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('created_at')},
  reviewed_at TEXT ${isoCheck('reviewed_at', true)}
) STRICT`,
  'CREATE INDEX idx_ceo_reviews_status_created_at ON ceo_reviews (status, created_at DESC)',

  `CREATE TABLE violations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id INTEGER NOT NULL REFERENCES heuristics (id) ON DELETE CASCADE,
  rule_name TEXT NOT NULL ${lengthCheck('rule_name', 500)},
  violation_date TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('violation_date')},
  description TEXT ${lengthCheck('description', 50000, true)},
  session_id TEXT,
  acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1))
) STRICT`,
  'CREATE INDEX idx_violations_violation_date ON violations (violation_date DESC)',
  'CREATE INDEX idx_violations_rule_id ON violations (rule_id, violation_date DESC)',
  'CREATE INDEX idx_violations_acknowledged ON violations (acknowledged, violation_date DESC)',
];

const downStatements = [
  'DROP TABLE violations',
  'DROP TABLE ceo_reviews',
  'DROP TABLE cycles',
  'DROP TABLE experiments',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
