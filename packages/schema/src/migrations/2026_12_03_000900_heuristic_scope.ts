import type { Kysely } from 'kysely';
import { runStatements } from './sql-helpers.js';

// Where a heuristic was learned is not where it applies.
//  - heuristics.origin_path (new): the project root a heuristic was recorded in — provenance,
//    null when unknown (imported, starters). The context builder ranks a rule higher inside the
//    project it came from; it fetches a project's best rules through
//    idx_heuristics_origin_confidence.
//  - heuristics.project_path keeps its meaning: the rule applies only in that project; NULL =
//    global (as in the original Python ELF).
//
// Existing rows: project_path is copied into origin_path and set to NULL, so every existing
// heuristic becomes global. They were recorded under the old default, which scoped a rule to the
// project it was recorded in (the cwd itself outside any repository) and offered no way to ask
// for project scope explicitly: a stored project_path records where a rule was learned, not a
// choice to confine it. Left as it was, a rule recorded from ~ applied only in ~, and a general
// rule learned in repository A never reached repository B. A rule that really belongs to one
// project gets its scope back with `elf heuristic scope ID project` (project_path = origin_path).
//
// idx_heuristics_project_confidence served "this project's rules by confidence" through
// project_path; that lookup is by origin now, and the few explicitly project-scoped rules are
// found through idx_heuristics_project_path.
//
// Down restores the old shape and the old meaning: a rule learned in a project is scoped to it
// again (project_path = origin_path where it is NULL), which is what the old default stored.

const upStatements = [
  'ALTER TABLE heuristics ADD COLUMN origin_path TEXT',
  'UPDATE heuristics SET origin_path = project_path, project_path = NULL WHERE project_path IS NOT NULL',
  `CREATE INDEX idx_heuristics_origin_confidence ON heuristics (origin_path, confidence DESC)
  WHERE origin_path IS NOT NULL`,
  'DROP INDEX idx_heuristics_project_confidence',
];

const downStatements = [
  `CREATE INDEX idx_heuristics_project_confidence ON heuristics (project_path, confidence DESC)
  WHERE project_path IS NOT NULL`,
  'DROP INDEX idx_heuristics_origin_confidence',
  'UPDATE heuristics SET project_path = origin_path WHERE project_path IS NULL AND origin_path IS NOT NULL',
  'ALTER TABLE heuristics DROP COLUMN origin_path',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
