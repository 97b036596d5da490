import type { Kysely } from 'kysely';
import { runStatements } from './sql-helpers.js';

// Size is a target too (≤ 5 MB at 5k learnings + 1k heuristics, FTS included), and every index
// is paid for on each write. Measured with the dataset generator, these earn nothing:
//  - idx_learnings_domain, idx_learnings_type, idx_heuristics_domain: each is the first column of
//    a composite index that serves the same lookups and also returns rows in order
//    (domain, created_at) / (type, created_at) / (domain, confidence, times_validated). Left in
//    place, the planner may pick the single-column one and sort thousands of rows (recent
//    failures did: 1.8 ms per context build at 10k learnings instead of a range read);
//  - idx_learnings_tags: no query filters on the comma-separated text; tag matches use
//    learning_tags;
//  - learning_tags.created_at and idx_learning_tags_learning_id: tag matches go through the
//    primary key (tag, learning_id); deleting a learning (which ELF never does in normal work)
//    finds its tag rows by a scan of learning_tags.

const upStatements = [
  'DROP INDEX idx_learnings_domain',
  'DROP INDEX idx_learnings_type',
  'DROP INDEX idx_learnings_tags',
  'DROP INDEX idx_heuristics_domain',
  `CREATE TABLE learning_tags_new (
  tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 50),
  learning_id INTEGER NOT NULL REFERENCES learnings (id) ON DELETE CASCADE,
  PRIMARY KEY (tag, learning_id)
) STRICT, WITHOUT ROWID`,
  'INSERT INTO learning_tags_new (tag, learning_id) SELECT tag, learning_id FROM learning_tags',
  'DROP TABLE learning_tags',
  'ALTER TABLE learning_tags_new RENAME TO learning_tags',
];

const downStatements = [
  `CREATE TABLE learning_tags_old (
  tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 50),
  learning_id INTEGER NOT NULL REFERENCES learnings (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tag, learning_id)
) STRICT, WITHOUT ROWID`,
  `INSERT INTO learning_tags_old (tag, learning_id, created_at)
   SELECT t.tag, t.learning_id, l.created_at FROM learning_tags t JOIN learnings l ON l.id = t.learning_id`,
  'DROP TABLE learning_tags',
  'ALTER TABLE learning_tags_old RENAME TO learning_tags',
  'CREATE INDEX idx_learning_tags_learning_id ON learning_tags (learning_id)',
  'CREATE INDEX idx_learnings_domain ON learnings (domain)',
  'CREATE INDEX idx_learnings_type ON learnings (type)',
  'CREATE INDEX idx_learnings_tags ON learnings (tags)',
  'CREATE INDEX idx_heuristics_domain ON heuristics (domain)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
