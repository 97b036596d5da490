import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/index.js';

async function setup(busyWait: 'block' | 'yield', busyTimeoutMs = 2000) {
  const path = join(tempDir(), 'elf.db');
  const handle = await openDatabase({ path, busyTimeoutMs, busyWait });
  // Another connection (in this thread, as another process would be) holds the write lock.
  const holder = new Database(path);
  holder.exec('begin immediate');
  return { handle, holder };
}

const insert = (handle: Awaited<ReturnType<typeof openDatabase>>, title: string) =>
  handle.db
    .insertInto('learnings')
    .values({
      type: 'failure',
      title,
      domain: 'api',
      created_at: '2026-12-03T00:00:00Z',
      updated_at: '2026-12-03T00:00:00Z',
    })
    .execute();

describe("busyWait: 'yield'", () => {
  it('waits for the lock on timers: the thread goes on running, and the write lands when the lock is free', async () => {
    const { handle, holder } = await setup('yield');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    setTimeout(() => holder.exec('commit'), 150);
    try {
      await insert(handle, 'written after the wait');
      // While it waited, timers fired: the thread was free (SQLite blocks 20 ms at most per attempt).
      expect(ticks).toBeGreaterThanOrEqual(5);
      const rows = await handle.db.selectFrom('learnings').select('title').execute();
      expect(rows.map((r) => r.title)).toEqual(['written after the wait']);
      // A transaction's BEGIN waits the same way.
      holder.exec('begin immediate');
      setTimeout(() => holder.exec('commit'), 100);
      await handle.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('learnings')
          .values({
            type: 'success',
            title: 'in a transaction',
            domain: 'api',
            created_at: '2026-12-03T00:00:00Z',
            updated_at: '2026-12-03T00:00:00Z',
          })
          .execute();
      });
      expect((await handle.db.selectFrom('learnings').select('title').execute()).length).toBe(2);
    } finally {
      clearInterval(ticker);
      holder.close();
      await handle.close();
    }
  });

  it('gives up as BUSY after the whole busy timeout, and pragma busy_timeout reads and sets that wait', async () => {
    const { handle, holder } = await setup('yield', 300);
    try {
      const started = Date.now();
      await expect(insert(handle, 'never')).rejects.toMatchObject({ code: 'BUSY' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      const read = await sql<{ timeout: number }>`pragma busy_timeout`.execute(handle.db);
      expect(read.rows[0]?.timeout).toBe(300);
      await sql.raw('pragma busy_timeout = 50').execute(handle.db);
      const shorter = Date.now();
      await expect(insert(handle, 'never')).rejects.toMatchObject({ code: 'BUSY' });
      expect(Date.now() - shorter).toBeLessThan(250);
    } finally {
      holder.close();
      await handle.close();
    }
  });

  it("blocks the thread with 'block' (the default), so a lock released by a timer is never seen", async () => {
    const { handle, holder } = await setup('block', 200);
    const release = setTimeout(() => holder.exec('commit'), 50);
    try {
      await expect(insert(handle, 'never')).rejects.toMatchObject({ code: 'BUSY' });
    } finally {
      clearTimeout(release);
      holder.close();
      await handle.close();
    }
  });
});
