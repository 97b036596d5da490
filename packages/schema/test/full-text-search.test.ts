import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, type ElfDatabase, openDatabase } from '../src/index.js';

let handle: ElfDatabase;
let db: Kysely<Database>;
beforeEach(async () => {
  handle = await openDatabase({ path: ':memory:' });
  db = handle.db;
});
afterEach(() => handle.close());

async function matches(table: string, query: string): Promise<number[]> {
  const fts = `${table}_fts`;
  const { rows } = await sql<{ id: number }>`
    select rowid as id from ${sql.table(fts)} where ${sql.table(fts)} match ${query} order by rank`.execute(db);
  return rows.map((r) => r.id);
}

describe('full-text indexes', () => {
  it('follow inserts, updates of indexed columns, and deletes', async () => {
    const { id } = await db
      .insertInto('learnings')
      .values({ type: 'failure', title: 'Deadlock in the payment worker', domain: 'payments' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await matches('learnings', 'deadlock')).toEqual([id]);
    await db.updateTable('learnings').set({ title: 'Timeout in the payment worker' }).where('id', '=', id).execute();
    expect(await matches('learnings', 'deadlock')).toEqual([]);
    expect(await matches('learnings', 'timeout')).toEqual([id]);
    await db.deleteFrom('learnings').where('id', '=', id).execute();
    expect(await matches('learnings', 'timeout')).toEqual([]);
    await sql`insert into learnings_fts (learnings_fts, rank) values ('integrity-check', 1)`.execute(db);
  });

  it('stem words: "failing" finds "failed"', async () => {
    await db
      .insertInto('heuristics')
      .values({ domain: 'ci', rule: 'Retry jobs that failed on a flaky runner' })
      .execute();
    expect(await matches('heuristics', 'failing')).toHaveLength(1);
  });

  it('rank a title match above a match in the body (column weights)', async () => {
    const body = await db
      .insertInto('learnings')
      .values({ type: 'observation', title: 'Worker notes', summary: 'the cache was cold after deploy', domain: 'ops' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const title = await db
      .insertInto('learnings')
      .values({ type: 'observation', title: 'Cache cold after deploy', summary: 'worker notes', domain: 'ops' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await matches('learnings', 'cache')).toEqual([title.id, body.id]);
  });

  it('leave the index alone when only confidence changes', async () => {
    const { id } = await db
      .insertInto('heuristics')
      .values({ domain: 'ci', rule: 'Pin the runner image' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const changes = async () => (await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]?.n ?? 0;
    const before = await changes();
    await db.updateTable('heuristics').set({ confidence: 0.9 }).where('id', '=', id).execute();
    // One row changed by the update itself; an FTS trigger would add its own changes.
    expect((await changes()) - before).toBe(1);
  });

  it('index decisions and spike reports too', async () => {
    await db
      .insertInto('decisions')
      .values({ title: 'Use WAL', context: 'many readers', decision: 'WAL mode', rationale: 'concurrency' })
      .execute();
    await db
      .insertInto('spike_reports')
      .values({ title: 'FTS5 tokenizers', topic: 'search', question: 'porter or trigram?', findings: 'porter wins' })
      .execute();
    expect(await matches('decisions', 'concurrency')).toHaveLength(1);
    expect(await matches('spike_reports', 'trigram')).toHaveLength(1);
  });
});
