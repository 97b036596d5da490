import type { Kysely } from 'kysely';
import { runStatements } from './sql-helpers.js';

// The rules learned from a learning. The context builder follows a past failure that matches a
// task (it describes the symptom) to the rules learned from it (they name the cause), so it needs,
// by index:
//  - the rules whose heuristics.source_id names the learning (`elf record heuristic` and imports
//    set it);
//  - the rules of the learning's domain recorded just before and just after it (a rule learned
//    in the same session): (domain, created_at).

const upStatements = [
  'CREATE INDEX idx_heuristics_source ON heuristics (source_id) WHERE source_id IS NOT NULL',
  'CREATE INDEX idx_heuristics_domain_created ON heuristics (domain, created_at)',
];

const downStatements = ['DROP INDEX idx_heuristics_domain_created', 'DROP INDEX idx_heuristics_source'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
