import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
import { type Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations, openDatabase } from '../src/index.js';

const scopeMigration = '2026_12_03_000900_heuristic_scope';
const before = Object.keys(migrations)[Object.keys(migrations).indexOf(scopeMigration) - 1] as string;

// Only the migrations up to this one: a later migration must not change what this test sees.
function migrator(db: Kysely<any>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'elf_migration',
    migrationLockTableName: 'elf_migration_lock',
  });
}

const rows = (db: Kysely<any>) =>
  sql<Record<string, unknown>>`select * from heuristics order by id`.execute(db).then((r) => r.rows);

const indexes = (db: Kysely<any>) =>
  sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'heuristics'`
    .execute(db)
    .then((r) => r.rows.map((row) => row.name));

describe('migration 2026_12_03_000900_heuristic_scope', () => {
  it('moves every project_path into origin_path and makes existing heuristics global; down restores both', async () => {
    const handle = await openDatabase({ path: join(tempDir(), 'elf.db'), migrate: false });
    const db = handle.db as Kysely<any>;
    try {
      expect((await migrator(db).migrateTo(before)).error).toBeUndefined();
      await sql`insert into heuristics (domain, rule, project_path, confidence) values
        ('git', 'Rebase before merging', '/home/me', 0.7),
        ('ci', 'Pin the runner image', '/work/shop', 0.6),
        ('api', 'Version every endpoint', null, 0.5)`.execute(db);
      const old = await rows(db);
      expect(old[0]).not.toHaveProperty('origin_path');

      expect((await migrator(db).migrateTo(scopeMigration)).error).toBeUndefined();
      const migrated = await rows(db);
      expect(migrated.map((r) => [r.rule, r.project_path, r.origin_path])).toEqual([
        ['Rebase before merging', null, '/home/me'],
        ['Pin the runner image', null, '/work/shop'],
        ['Version every endpoint', null, null],
      ]);
      // Nothing else about a row changes: confidence, timestamps, token counts.
      for (const [i, row] of migrated.entries()) {
        const { project_path: _p, origin_path: _o, ...rest } = row;
        const { project_path: _q, ...was } = old[i] as Record<string, unknown>;
        expect(rest).toEqual(was);
      }
      expect(await indexes(db)).toContain('idx_heuristics_origin_confidence');
      expect(await indexes(db)).not.toContain('idx_heuristics_project_confidence');
      const plan = await sql<{ detail: string }>`explain query plan
        select * from heuristics where origin_path = '/work/shop' order by confidence desc limit 5`.execute(db);
      expect(plan.rows.map((r) => r.detail)).toEqual([
        'SEARCH heuristics USING INDEX idx_heuristics_origin_confidence (origin_path=?)',
      ]);

      expect((await migrator(db).migrateTo(before)).error).toBeUndefined();
      expect(await rows(db)).toEqual(old);
      expect(await indexes(db)).toContain('idx_heuristics_project_confidence');
      expect(await indexes(db)).not.toContain('idx_heuristics_origin_confidence');
    } finally {
      await handle.close();
    }
  });
});
