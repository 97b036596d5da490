import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, openDatabase } from '../src/index.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('openDatabase', () => {
  it('creates the folder and a 0600 file, and sets WAL, synchronous=NORMAL, busy_timeout and foreign keys', async () => {
    const path = join(tempDir(), 'nested', 'deeper', 'elf.db');
    const handle = await openDatabase({ path });
    try {
      expect(existsSync(path)).toBe(true);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(handle.pragma('journal_mode')).toBe('wal');
      expect(handle.pragma('synchronous')).toBe(1);
      expect(handle.pragma('foreign_keys')).toBe(1);
      expect(Number(handle.pragma('busy_timeout'))).toBeGreaterThanOrEqual(5000);
      expect(handle.schemaVersion).toBe(latestSchemaVersion);
      expect(handle.migration?.results.every((r) => r.status === 'Success')).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('opens an up-to-date database without running the migrator', async () => {
    const path = join(tempDir(), 'elf.db');
    await (await openDatabase({ path })).close();
    const again = await openDatabase({ path });
    try {
      expect(again.migration).toBeUndefined();
      expect(again.schemaVersion).toBe(latestSchemaVersion);
    } finally {
      await again.close();
    }
  });

  it('works in memory', async () => {
    const handle = await openDatabase({ path: ':memory:' });
    try {
      const { rows } = await sql<{ n: number }>`select count(*) as n from learnings`.execute(handle.db);
      expect(rows[0]?.n).toBe(0);
      expect(handle.path).toBe(':memory:');
    } finally {
      await handle.close();
    }
  });

  it('refuses a file that is not a SQLite database with a DATABASE error', async () => {
    const path = join(tempDir(), 'elf.db');
    writeFileSync(path, 'this is not a database, just text that happens to be long enough '.repeat(100));
    const before = sha(path);
    await expect(openDatabase({ path })).rejects.toMatchObject({
      name: 'ElfError',
      code: 'DATABASE',
      message: expect.stringContaining('not a valid SQLite database'),
    });
    expect(sha(path)).toBe(before);
  });

  it('refuses another program’s SQLite database instead of adding tables to it', async () => {
    const path = join(tempDir(), 'index.db');
    // Build a database with a table but no ELF schema version, like the original Python ELF's.
    const raw = await openDatabase({ path, migrate: false });
    await sql`create table learnings (id integer primary key, title text)`.execute(raw.db);
    await raw.close();
    await expect(openDatabase({ path })).rejects.toMatchObject({
      code: 'DATABASE',
      message: expect.stringContaining('not an ELF database'),
    });
    const check = await openDatabase({ path, readonly: true });
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(check.db);
    await check.close();
    expect(rows.map((r) => r.name)).toEqual(['learnings']);
  });

  it('does not create a missing database when read-only or create is off', async () => {
    const path = join(tempDir(), 'missing.db');
    await expect(openDatabase({ path, readonly: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openDatabase({ path, create: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(path)).toBe(false);
  });

  it('reads through a read-only handle and refuses writes', async () => {
    const path = join(tempDir(), 'elf.db');
    await (await openDatabase({ path })).close();
    const handle = await openDatabase({ path, readonly: true });
    try {
      expect(handle.readonly).toBe(true);
      await expect(
        sql`insert into metrics (metric_type, metric_name, metric_value) values ('a', 'b', 1)`.execute(handle.db),
      ).rejects.toThrow(/readonly/);
    } finally {
      await handle.close();
    }
  });
});

describe('openDatabase on paths that cannot hold a database', () => {
  it('gives a DATABASE error for a directory or a path below a file', async () => {
    const dir = tempDir();
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    await expect(openDatabase({ path: dir })).rejects.toMatchObject({ name: 'ElfError', code: 'DATABASE' });
    await expect(openDatabase({ path: join(file, 'elf.db') })).rejects.toMatchObject({
      code: 'DATABASE',
      message: expect.stringMatching(/^cannot (create|open) database /),
    });
  });

  it.runIf(process.platform === 'linux')(
    'fails fast where a folder cannot be made (Node’s recursive mkdir spins under /proc)',
    async () => {
      await expect(openDatabase({ path: '/proc/elf-no-such-dir/elf.db' })).rejects.toMatchObject({ code: 'DATABASE' });
    },
    5000,
  );
});
