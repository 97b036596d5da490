import type { Kysely } from 'kysely';
import { runStatements } from './sql-helpers.js';

// FTS5 indexes over the text an agent searches. External-content tables (no second copy of the
// text); triggers keep them in step and fire only when an indexed column changes, so frequent
// confidence updates never touch the index. Porter stemming lets "failing" find "failed".

interface FtsSpec {
  table: string;
  columns: readonly string[];
  /** bm25 column weights, stored as the table's default `rank`: titles and rules weigh most. */
  weights: readonly number[];
}

const specs: readonly FtsSpec[] = [
  { table: 'learnings', columns: ['title', 'summary', 'tags', 'domain'], weights: [10, 4, 3, 2] },
  { table: 'heuristics', columns: ['rule', 'explanation', 'domain'], weights: [10, 4, 2] },
  {
    table: 'decisions',
    columns: ['title', 'context', 'decision', 'rationale', 'options_considered', 'domain'],
    weights: [10, 3, 6, 3, 1, 2],
  },
  {
    table: 'spike_reports',
    columns: ['title', 'topic', 'question', 'findings', 'gotchas', 'tags', 'domain'],
    weights: [10, 6, 4, 4, 3, 3, 2],
  },
];

function ftsStatements({ table, columns, weights }: FtsSpec): string[] {
  const fts = `${table}_fts`;
  const list = columns.join(', ');
  const values = (prefix: string) => columns.map((column) => `${prefix}.${column}`).join(', ');
  const insertNew = `INSERT INTO ${fts} (rowid, ${list}) VALUES (new.id, ${values('new')});`;
  const deleteOld = `INSERT INTO ${fts} (${fts}, rowid, ${list}) VALUES ('delete', old.id, ${values('old')});`;
  return [
    `CREATE VIRTUAL TABLE ${fts} USING fts5(${list}, content='${table}', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER ${fts}_after_insert AFTER INSERT ON ${table} BEGIN ${insertNew} END`,
    `CREATE TRIGGER ${fts}_after_delete AFTER DELETE ON ${table} BEGIN ${deleteOld} END`,
    `CREATE TRIGGER ${fts}_after_update AFTER UPDATE OF ${list} ON ${table} BEGIN ${deleteOld} ${insertNew} END`,
    `INSERT INTO ${fts} (${fts}, rank) VALUES ('rank', 'bm25(${weights.map((w) => w.toFixed(1)).join(', ')})')`,
    `INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`,
  ];
}

function dropStatements({ table }: FtsSpec): string[] {
  const fts = `${table}_fts`;
  return [
    `DROP TRIGGER ${fts}_after_update`,
    `DROP TRIGGER ${fts}_after_delete`,
    `DROP TRIGGER ${fts}_after_insert`,
    `DROP TABLE ${fts}`,
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, specs.flatMap(ftsStatements));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, specs.flatMap(dropStatements));
}
