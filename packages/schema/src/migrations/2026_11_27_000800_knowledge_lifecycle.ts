import type { Kysely } from 'kysely';
import { isoCheck, lengthCheck, nowIso, runStatements } from './sql-helpers.js';

// The knowledge lifecycle (confidence model, decay, retraction, supersession):
//  - heuristics.status_reason / status_changed_at: why and since when a heuristic is dormant,
//    archived, retracted or superseded (kept with it: nothing is deleted silently).
//  - decisions.status_reason: why a decision was superseded.
//  - heuristics.decay_steps: decay steps applied since the heuristic was last used, so a
//    maintenance pass run twice on one day decays nothing twice.
//  - cycles.next_step: the "next" of an experiment's try → break → analyze → learn → next.
//  - ceo_reviews.source_key: reviews ELF opens by itself carry a key; one pending review per key,
//    enforced by a unique index, so an escalation is opened once, not once per further event.
//  - settings: the lifecycle configuration (promotion mode, rate limits, decay periods), in the
//    database every process already opens, so hooks and the CLI agree without a config file.

const upStatements = [
  `ALTER TABLE heuristics ADD COLUMN status_reason TEXT ${lengthCheck('status_reason', 2000, true)}`,
  `ALTER TABLE heuristics ADD COLUMN status_changed_at TEXT ${isoCheck('status_changed_at', true)}`,
  'ALTER TABLE heuristics ADD COLUMN decay_steps INTEGER NOT NULL DEFAULT 0 CHECK (decay_steps >= 0)',
  'CREATE INDEX idx_heuristics_status_last_used ON heuristics (status, last_used_at)',
  `ALTER TABLE decisions ADD COLUMN status_reason TEXT ${lengthCheck('status_reason', 2000, true)}`,
  `ALTER TABLE cycles ADD COLUMN next_step TEXT ${lengthCheck('next_step', 10000, true)}`,
  `ALTER TABLE ceo_reviews ADD COLUMN source_key TEXT ${lengthCheck('source_key', 200, true)}`,
  `CREATE UNIQUE INDEX idx_ceo_reviews_pending_source_key ON ceo_reviews (source_key)
  WHERE status = 'pending' AND source_key IS NOT NULL`,
  `CREATE TABLE settings (
  key TEXT PRIMARY KEY ${lengthCheck('key', 100)},
  value TEXT NOT NULL ${lengthCheck('value', 1000)},
  updated_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('updated_at')}
) STRICT, WITHOUT ROWID`,
];

const downStatements = [
  'DROP TABLE settings',
  'DROP INDEX idx_ceo_reviews_pending_source_key',
  'ALTER TABLE ceo_reviews DROP COLUMN source_key',
  'ALTER TABLE cycles DROP COLUMN next_step',
  'ALTER TABLE decisions DROP COLUMN status_reason',
  'DROP INDEX idx_heuristics_status_last_used',
  'ALTER TABLE heuristics DROP COLUMN decay_steps',
  'ALTER TABLE heuristics DROP COLUMN status_changed_at',
  'ALTER TABLE heuristics DROP COLUMN status_reason',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
