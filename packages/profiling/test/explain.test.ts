import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { explainHotQueries, generateDataset, scannedTable, tableAliases } from '../src/index.js';
import { now, openElf } from './support/elf.js';

describe('scannedTable', () => {
  it('flags a table read whole, not index searches, covering-index scans, subqueries or FTS', () => {
    expect(scannedTable('SCAN learnings')).toBe('learnings');
    expect(scannedTable('SCAN l')).toBe('l');
    expect(scannedTable('SEARCH learnings USING INDEX idx_learnings_domain (domain=?)')).toBeNull();
    expect(scannedTable('SCAN learnings USING INDEX idx_learnings_created_at')).toBeNull();
    expect(scannedTable('SCAN h USING COVERING INDEX idx_heuristics_confidence')).toBeNull();
    expect(scannedTable('SCAN learnings_fts VIRTUAL TABLE INDEX 0:M1')).toBeNull();
    expect(scannedTable('SCAN (subquery-2)')).toBeNull();
    expect(scannedTable('USE TEMP B-TREE FOR ORDER BY')).toBeNull();
  });
});

describe('explainHotQueries', () => {
  it('finds no full scan of a large table on the hot path of a 2,000-learning database', async () => {
    const elf = await openElf();
    await generateDataset(elf.db, { learnings: 2000, now });
    await sql`analyze`.execute(elf.db);
    const report = await explainHotQueries(elf.db);
    expect(report.queries.length).toBeGreaterThan(15);
    expect(report.queries.some((q) => q.name.startsWith('context: '))).toBe(true);
    expect(report.queries.some((q) => q.name.startsWith('core: '))).toBe(true);
    expect(report.problems).toEqual([]);
  });

  it('fails when an index the hot path needs is missing', async () => {
    const elf = await openElf();
    await generateDataset(elf.db, { learnings: 2000, now });
    const indexes = await sql<{ name: string }>`
      select name from sqlite_master where type = 'index' and tbl_name = 'learnings' and sql is not null`.execute(
      elf.db,
    );
    for (const { name } of indexes.rows) await sql.raw(`drop index ${name}`).execute(elf.db);
    await sql`analyze`.execute(elf.db);
    const report = await explainHotQueries(elf.db);
    expect(report.problems).toContainEqual(
      expect.stringMatching(/^core: learnings by domain: full scan of learnings \(2000 rows\): SCAN learnings/),
    );
  });
});

describe('explainHotQueries on the context builder’s statements', () => {
  it('resolves table aliases (`from heuristics t`), so a scan through an alias is caught too', async () => {
    const elf = await openElf();
    await generateDataset(elf.db, { learnings: 5000, now });
    // Every index that could serve "this project's heuristics" (by scope or by origin).
    const { rows } = await sql<{ name: string }>`
      select distinct l.name from pragma_index_list('heuristics') l, pragma_index_info(l.name) i
      where i.name in ('project_path', 'origin_path') and l.origin = 'c'`.execute(elf.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const { name } of rows) await sql.raw(`drop index ${name}`).execute(elf.db);
    const report = await explainHotQueries(elf.db);
    expect(report.problems).toContainEqual(
      expect.stringMatching(/^context: projectHeuristics: (full scan|sorts rows) of heuristics \(1000 rows\)/),
    );
  });

  it('flags a sort of a large table’s rows where an index in order is missing', async () => {
    const elf = await openElf();
    await generateDataset(elf.db, { learnings: 2000, now });
    await sql`drop index idx_learnings_type_created_at`.execute(elf.db);
    await sql`create index idx_learnings_type_only on learnings (type)`.execute(elf.db);
    const report = await explainHotQueries(elf.db);
    const failures = report.queries.find((q) => q.name === 'core: recent failures');
    expect(failures?.sorts).toEqual([{ table: 'learnings', rows: 2000 }]);
    expect(report.problems).toContainEqual(expect.stringMatching(/^context: recentFailures: sorts rows of learnings/));
  });

  it('maps aliases to tables and ignores SQL keywords', () => {
    const aliases = tableAliases('select t.* from learnings t join learnings_fts f on f.rowid = t.id where x');
    expect(aliases.get('t')).toBe('learnings');
    expect(aliases.get('f')).toBe('learnings_fts');
    expect(tableAliases('select * from heuristics where domain = ?').get('where')).toBeUndefined();
  });
});
