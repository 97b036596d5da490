import { writeFileSync } from 'node:fs';
import { openDatabase } from '@elf/schema';
import { holdWriteLock } from '@elf/test-support';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { elfDb, sandbox } from './support/run-elf.js';

describe('exit codes (built binary)', () => {
  it('2 for a file that is not a database, with one line naming it', () => {
    const box = sandbox();
    writeFileSync(box.db, 'definitely not sqlite '.repeat(300));
    const result = elfDb(box, ['query', '--domain', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`elf: ${box.db} is not a valid SQLite database (corrupt or another kind of file)\n`);
  });

  it('2 for a database that a newer ELF migrated', async () => {
    const box = sandbox();
    const handle = await openDatabase({ path: box.db });
    await sql`pragma user_version = 999`.execute(handle.db);
    await handle.close();
    const result = elfDb(box, ['query', '--stats']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/newer than this ELF understands/);
  });

  it('2 from validate when the database is damaged', async () => {
    const box = sandbox();
    expect(elfDb(box, ['record', 'failure', '--title', 't', '--domain', 'd']).code).toBe(0);
    const handle = await openDatabase({ path: box.db });
    await sql`drop trigger learnings_fts_after_delete`.execute(handle.db);
    await sql`delete from learnings`.execute(handle.db);
    await handle.close();
    const result = elfDb(box, ['validate']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/database validation: FAILED/);
    expect(elfDb(box, ['validate', '--json']).code).toBe(2);
  });

  it('3 when another process holds the write lock past the busy timeout', async () => {
    const box = sandbox();
    expect(elfDb(box, ['init']).code).toBe(0);
    // A separate OS process takes the write lock and keeps it until released.
    const lock = await holdWriteLock(box.db, { lock: 'exclusive', from: import.meta.url });
    try {
      const started = Date.now();
      const result = elfDb(box, ['record', 'failure', '--title', 't', '--domain', 'd']);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/^elf: database is busy/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
    } finally {
      await lock.release();
    }
    expect(elfDb(box, ['record', 'failure', '--title', 't', '--domain', 'd']).code).toBe(0);
  }, 60_000);
});

describe('unusable --db paths (built binary)', () => {
  it('2 when --db is a directory or lies below a file', () => {
    const box = sandbox();
    const dirResult = elfDb({ ...box, db: box.dir }, ['init']);
    expect(dirResult.code).toBe(2);
    expect(dirResult.stderr).toMatch(/^elf: cannot open database /);
    writeFileSync(`${box.dir}/file`, 'x');
    const fileResult = elfDb({ ...box, db: `${box.dir}/file/elf.db` }, ['init']);
    expect(fileResult.code).toBe(2);
    expect(fileResult.stderr).toMatch(/^elf: cannot create database /);
  });
});
