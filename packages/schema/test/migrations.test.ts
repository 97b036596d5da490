import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  expectedIndexes,
  expectedTables,
  ftsTables,
  getSchemaVersion,
  latestSchemaVersion,
  migrateDown,
  migrateToLatest,
  migrations,
  openDatabase,
} from '../src/index.js';

async function objectNames(db: Parameters<typeof getSchemaVersion>[0]) {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type in ('table', 'index', 'trigger') and name not like 'sqlite_%'`.execute(
    db,
  );
  return new Set(rows.map((r) => r.name));
}

describe('migrations', () => {
  it('are named YYYY_MM_DD_HHMMSS_what and the schema version counts them', () => {
    for (const name of Object.keys(migrations)) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{6}_[a-z_]+$/);
    expect(latestSchemaVersion).toBe(Object.keys(migrations).length);
  });

  it('create every table, FTS index and required index; re-running applies nothing', async () => {
    const handle = await openDatabase({ path: ':memory:' });
    try {
      const names = await objectNames(handle.db);
      for (const name of [...expectedTables, ...ftsTables, ...expectedIndexes]) expect(names).toContain(name);
      const again = await migrateToLatest(handle.db);
      expect(again.results).toEqual([]);
      expect(again.toVersion).toBe(latestSchemaVersion);
    } finally {
      await handle.close();
    }
  });

  it('go down one step at a time to an empty schema and up again', async () => {
    const handle = await openDatabase({ path: ':memory:' });
    try {
      const down = await migrateDown(handle.db, latestSchemaVersion);
      expect(down.results.map((r) => r.direction)).toEqual(Array(latestSchemaVersion).fill('Down'));
      expect(await getSchemaVersion(handle.db)).toBe(0);
      const left = [...(await objectNames(handle.db))].filter((name) => !name.startsWith('elf_migration'));
      expect(left).toEqual([]);
      const up = await migrateToLatest(handle.db);
      expect(up.results).toHaveLength(latestSchemaVersion);
      expect(await getSchemaVersion(handle.db)).toBe(latestSchemaVersion);
    } finally {
      await handle.close();
    }
  });

  it('keep data when the newest migration is reverted and re-applied', async () => {
    const handle = await openDatabase({ path: ':memory:' });
    try {
      await sql`insert into learnings (type, title, domain) values ('failure', 'kept across migrations', 'testing')`.execute(
        handle.db,
      );
      await migrateDown(handle.db, 1);
      await migrateToLatest(handle.db);
      const { rows } = await sql<{ id: number }>`
        select rowid as id from learnings_fts where learnings_fts match 'kept'`.execute(handle.db);
      expect(rows).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });

  it('refuse a database that a newer ELF migrated, without touching it', async () => {
    const path = join(tempDir(), 'elf.db');
    const handle = await openDatabase({ path });
    await sql.raw(`pragma user_version = ${latestSchemaVersion + 1}`).execute(handle.db);
    await handle.close();
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    await expect(openDatabase({ path })).rejects.toMatchObject({
      name: 'ElfError',
      code: 'DATABASE',
      message: expect.stringMatching(/newer than this ELF understands/),
    });
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
  });
});
