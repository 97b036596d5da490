import type { Kysely } from 'kysely';
import { runStatements } from './sql-helpers.js';

// What the context builder needs to stay fast on a cold start:
//  - token_count per item, so a budget can be kept without loading a tokenizer. Filled where
//    latency does not matter (CLI record, maintenance); reset to NULL by trigger whenever the
//    counted text changes, so a stale count is never trusted.
//  - domain_stats: the known domains with their item counts, kept by triggers, so domain
//    inference is an indexed lookup instead of a DISTINCT scan over every learning.
//  - FTS5 indexes over invariants and assumptions, so every kind is ranked the same way.
//  - fts5vocab tables over every full-text index: per-term document counts, so the context
//    builder can weigh each task word by how rare it is (IDF) across all kinds of knowledge.

/** Which columns make up each kind's counted text (see core's itemText). */
const counted: Record<string, readonly string[]> = {
  learnings: ['title', 'summary'],
  heuristics: ['rule'],
  decisions: ['title', 'decision'],
  invariants: ['statement'],
  assumptions: ['assumption'],
  spike_reports: ['title', 'findings'],
  experiments: ['name', 'hypothesis'],
  ceo_reviews: ['title'],
};

function tokenCountStatements(table: string, columns: readonly string[]): string[] {
  return [
    `ALTER TABLE ${table} ADD COLUMN token_count INTEGER CHECK (token_count IS NULL OR token_count >= 0)`,
    `CREATE TRIGGER ${table}_token_count_stale AFTER UPDATE OF ${columns.join(', ')} ON ${table}
     WHEN new.token_count IS old.token_count AND new.token_count IS NOT NULL
     BEGIN UPDATE ${table} SET token_count = NULL WHERE id = new.id; END`,
  ];
}

function domainStatsTriggers(table: 'learnings' | 'heuristics'): string[] {
  const bump = (domain: string, delta: string) =>
    `INSERT INTO domain_stats (domain, ${table}) VALUES (${domain}, ${delta})
     ON CONFLICT (domain) DO UPDATE SET ${table} = ${table} + ${delta};`;
  return [
    `CREATE TRIGGER ${table}_domain_stats_insert AFTER INSERT ON ${table} BEGIN ${bump('new.domain', '1')} END`,
    `CREATE TRIGGER ${table}_domain_stats_delete AFTER DELETE ON ${table} BEGIN ${bump('old.domain', '-1')} END`,
    `CREATE TRIGGER ${table}_domain_stats_update AFTER UPDATE OF domain ON ${table} WHEN new.domain IS NOT old.domain
     BEGIN ${bump('old.domain', '-1')} ${bump('new.domain', '1')} END`,
  ];
}

const fts = [
  { table: 'invariants', columns: ['statement', 'rationale', 'domain'], weights: [10, 3, 2] },
  { table: 'assumptions', columns: ['assumption', 'context', 'domain'], weights: [10, 3, 2] },
];

function ftsStatements({ table, columns, weights }: (typeof fts)[number]): string[] {
  const name = `${table}_fts`;
  const list = columns.join(', ');
  const values = (prefix: string) => columns.map((column) => `${prefix}.${column}`).join(', ');
  const insertNew = `INSERT INTO ${name} (rowid, ${list}) VALUES (new.id, ${values('new')});`;
  const deleteOld = `INSERT INTO ${name} (${name}, rowid, ${list}) VALUES ('delete', old.id, ${values('old')});`;
  return [
    `CREATE VIRTUAL TABLE ${name} USING fts5(${list}, content='${table}', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER ${name}_after_insert AFTER INSERT ON ${table} BEGIN ${insertNew} END`,
    `CREATE TRIGGER ${name}_after_delete AFTER DELETE ON ${table} BEGIN ${deleteOld} END`,
    `CREATE TRIGGER ${name}_after_update AFTER UPDATE OF ${list} ON ${table} BEGIN ${deleteOld} ${insertNew} END`,
    `INSERT INTO ${name} (${name}, rank) VALUES ('rank', 'bm25(${weights.map((w) => w.toFixed(1)).join(', ')})')`,
    `INSERT INTO ${name} (${name}) VALUES ('rebuild')`,
  ];
}

const vocabTables = ['learnings', 'heuristics', 'decisions', 'spike_reports', 'invariants', 'assumptions'];

const upStatements = [
  ...Object.entries(counted).flatMap(([table, columns]) => tokenCountStatements(table, columns)),
  `CREATE TABLE domain_stats (
  domain TEXT PRIMARY KEY,
  learnings INTEGER NOT NULL DEFAULT 0,
  heuristics INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID`,
  `INSERT INTO domain_stats (domain, learnings, heuristics)
   SELECT domain, sum(l), sum(h) FROM (
     SELECT domain, 1 AS l, 0 AS h FROM learnings UNION ALL SELECT domain, 0, 1 FROM heuristics
   ) GROUP BY domain`,
  ...domainStatsTriggers('learnings'),
  ...domainStatsTriggers('heuristics'),
  'CREATE INDEX idx_heuristics_project_confidence ON heuristics (project_path, confidence DESC) WHERE project_path IS NOT NULL',
  ...fts.flatMap(ftsStatements),
  ...vocabTables.map((table) => `CREATE VIRTUAL TABLE ${table}_fts_vocab USING fts5vocab(${table}_fts, 'row')`),
];

const downStatements = [
  ...vocabTables.map((table) => `DROP TABLE ${table}_fts_vocab`),
  ...fts.flatMap(({ table }) => [
    `DROP TRIGGER ${table}_fts_after_update`,
    `DROP TRIGGER ${table}_fts_after_delete`,
    `DROP TRIGGER ${table}_fts_after_insert`,
    `DROP TABLE ${table}_fts`,
  ]),
  'DROP INDEX idx_heuristics_project_confidence',
  ...['learnings', 'heuristics'].flatMap((table) => [
    `DROP TRIGGER ${table}_domain_stats_update`,
    `DROP TRIGGER ${table}_domain_stats_delete`,
    `DROP TRIGGER ${table}_domain_stats_insert`,
  ]),
  'DROP TABLE domain_stats',
  ...Object.keys(counted).flatMap((table) => [
    `DROP TRIGGER ${table}_token_count_stale`,
    `ALTER TABLE ${table} DROP COLUMN token_count`,
  ]),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, downStatements);
}
