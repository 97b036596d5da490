import type { Kysely } from 'kysely';
import { isoCheck, lengthCheck, nowIso, oneOf, runStatements } from './sql-helpers.js';

// Per-session state of Claude Code hooks, in the database rather than a state file: many
// sessions run at once in one project, each hook is a separate short process, and a state file
// is exactly what the original lost and mixed up.
//  - session_injections: what each session has already been shown (never repeated).
//  - heuristic_consultations: which heuristics a subagent was given, until its outcome is known.
//  - session_tools: tool calls and failures per session (for the summary).
//  - session_captures: fingerprints of what a session already captured (a marker seen in both
//    SubagentStop and PostToolUse(Task), a failure reported twice) so nothing is learned twice.

const itemKinds = [
  'golden_rule',
  'heuristic',
  'learning',
  'decision',
  'invariant',
  'assumption',
  'spike_report',
  'experiment',
  'ceo_review',
  'project_context',
];

const upStatements = [
  `CREATE TABLE session_injections (
  session_id TEXT NOT NULL ${lengthCheck('session_id', 200)},
  kind TEXT NOT NULL ${oneOf('kind', itemKinds)},
  item_id INTEGER NOT NULL,
  event TEXT NOT NULL ${lengthCheck('event', 50)},
  created_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('created_at')},
  PRIMARY KEY (session_id, kind, item_id)
) STRICT, WITHOUT ROWID`,
  `CREATE TABLE heuristic_consultations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL ${lengthCheck('session_id', 200)},
  agent_key TEXT NOT NULL ${lengthCheck('agent_key', 200)},
  agent_type TEXT ${lengthCheck('agent_type', 200, true)},
  heuristic_id INTEGER NOT NULL REFERENCES heuristics (id) ON DELETE CASCADE,
  consulted_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('consulted_at')},
  outcome TEXT ${oneOf('outcome', ['success', 'failure', 'unknown'], true)},
  resolved_at TEXT ${isoCheck('resolved_at', true)},
  UNIQUE (session_id, agent_key, heuristic_id)
) STRICT`,
  'CREATE INDEX idx_heuristic_consultations_open ON heuristic_consultations (session_id, agent_key) WHERE outcome IS NULL',
  'CREATE INDEX idx_heuristic_consultations_heuristic ON heuristic_consultations (heuristic_id)',
  `CREATE TABLE session_tools (
  session_id TEXT NOT NULL ${lengthCheck('session_id', 200)},
  tool_name TEXT NOT NULL ${lengthCheck('tool_name', 200)},
  calls INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  PRIMARY KEY (session_id, tool_name)
) STRICT, WITHOUT ROWID`,
  `CREATE TABLE session_captures (
  session_id TEXT NOT NULL ${lengthCheck('session_id', 200)},
  fingerprint TEXT NOT NULL ${lengthCheck('fingerprint', 200)},
  kind TEXT NOT NULL ${oneOf('kind', ['marker', 'failure'])},
  created_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('created_at')},
  PRIMARY KEY (session_id, fingerprint)
) STRICT, WITHOUT ROWID`,
];

const downStatements = [
  'DROP TABLE session_captures',
  'DROP TABLE session_tools',
  'DROP TABLE heuristic_consultations',
  'DROP TABLE session_injections',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
