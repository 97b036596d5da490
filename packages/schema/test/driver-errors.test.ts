import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ElfError, openDatabase, sqliteCause } from '../src/index.js';

const now = '2026-01-01T00:00:00.000Z';

/** What a query's rejection turned out to be (the test fails when it did not reject). */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the query to fail');
}

// These queries go straight through kysely, not through any core helper: the connection itself
// must hand back ElfErrors.
describe('driver errors on the connection openDatabase hands out', () => {
  it('a write while another connection holds the write lock fails as BUSY, with the SQLite error as cause', async () => {
    const path = join(tempDir(), 'elf.db');
    const handle = await openDatabase({ path, busyTimeoutMs: 50 });
    const holder = new BetterSqlite3(path);
    try {
      holder.exec('BEGIN IMMEDIATE');
      const error = await failure(() =>
        handle.db.insertInto('settings').values({ key: 'k', value: 'v', updated_at: now }).execute(),
      );
      expect(error).toBeInstanceOf(ElfError);
      expect(error).toMatchObject({ name: 'ElfError', code: 'BUSY' });
      expect(sqliteCause(error)?.code).toMatch(/^SQLITE_BUSY/);
      expect((error as ElfError).cause).toBe(sqliteCause(error));

      const transaction = await failure(() => handle.db.transaction().execute(async () => undefined));
      expect(transaction).toMatchObject({ name: 'ElfError', code: 'BUSY' });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      await handle.close();
    }
  });

  it('a constraint violation is DATABASE, keeping the original error as cause', async () => {
    const handle = await openDatabase({ path: ':memory:' });
    try {
      await handle.db.insertInto('settings').values({ key: 'k', value: 'v', updated_at: now }).execute();
      const error = await failure(() =>
        handle.db.insertInto('settings').values({ key: 'k', value: 'again', updated_at: now }).execute(),
      );
      expect(error).toBeInstanceOf(ElfError);
      expect(error).toMatchObject({ code: 'DATABASE', message: expect.stringContaining('UNIQUE constraint failed') });
      const cause = (error as ElfError).cause as Error & { code: string };
      expect(cause).toBeInstanceOf(Error);
      expect(cause.name).toBe('SqliteError');
      expect(cause.code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    } finally {
      await handle.close();
    }
  });

  it('bad SQL fails as DATABASE when it is prepared', async () => {
    const handle = await openDatabase({ path: ':memory:' });
    try {
      const error = await failure(() => sql`selct 1`.execute(handle.db));
      expect(error).toMatchObject({ name: 'ElfError', code: 'DATABASE' });
      expect(sqliteCause(error)).toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringContaining('syntax') });
    } finally {
      await handle.close();
    }
  });

  it('an error while streaming rows is DATABASE too', async () => {
    const handle = await openDatabase({ path: ':memory:' });
    try {
      await handle.db
        .insertInto('settings')
        .values([
          { key: 'a', value: '{"ok":1}', updated_at: now },
          { key: 'b', value: 'not json', updated_at: now },
        ])
        .execute();
      const rows: unknown[] = [];
      const error = await failure(async () => {
        const stream = handle.db
          .selectFrom('settings')
          .select(sql<number>`json_extract(value, '$.ok')`.as('ok'))
          .orderBy('key')
          .stream();
        for await (const row of stream) rows.push(row);
      });
      expect(rows).toEqual([{ ok: 1 }]);
      expect(error).toMatchObject({ name: 'ElfError', code: 'DATABASE', message: expect.stringContaining('JSON') });
      expect(sqliteCause(error)?.code).toBe('SQLITE_ERROR');
    } finally {
      await handle.close();
    }
  });

  it('pragma() on the raw connection maps its errors the same way', async () => {
    const handle = await openDatabase({ path: ':memory:' });
    try {
      expect(() => handle.pragma('table_info(')).toThrow(
        expect.objectContaining({ name: 'ElfError', code: 'DATABASE' }),
      );
    } finally {
      await handle.close();
    }
  });
});
