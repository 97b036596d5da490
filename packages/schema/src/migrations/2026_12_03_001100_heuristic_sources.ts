import type { Kysely } from 'kysely';
import { runStatements } from './sql-helpers.js';

// The rules learned from a learning: heuristics.source_id names the failure, success or
// observation a rule came from (`elf record heuristic` and imports set it). The context builder
// follows that link from a past failure that matches a task (it describes the symptom) to the rule
// learned from it (which names the cause), so it needs the rules of a learning by index.

const upStatements = ['CREATE INDEX idx_heuristics_source ON heuristics (source_id) WHERE source_id IS NOT NULL'];

const downStatements = ['DROP INDEX idx_heuristics_source'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
