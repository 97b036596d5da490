import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
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

const stats = () => db.selectFrom('domain_stats').selectAll().orderBy('domain').execute();

describe('token counts', () => {
  it('are reset when the counted text changes, kept when something else changes', async () => {
    const { id } = await db
      .insertInto('heuristics')
      .values({ domain: 'ci', rule: 'Pin the runner image', token_count: 5 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const count = async () =>
      (await db.selectFrom('heuristics').select('token_count').where('id', '=', id).executeTakeFirstOrThrow())
        .token_count;
    await db.updateTable('heuristics').set({ confidence: 0.9 }).where('id', '=', id).execute();
    expect(await count()).toBe(5);
    await db.updateTable('heuristics').set({ rule: 'Pin the runner image by digest' }).where('id', '=', id).execute();
    expect(await count()).toBeNull();
    await db.updateTable('heuristics').set({ rule: 'Pin it', token_count: 3 }).where('id', '=', id).execute();
    expect(await count()).toBe(3);
  });
});

describe('domain_stats', () => {
  it('follows inserts, domain changes and deletes of learnings and heuristics', async () => {
    await db.insertInto('learnings').values({ type: 'failure', title: 'a', domain: 'api' }).execute();
    await db.insertInto('learnings').values({ type: 'failure', title: 'b', domain: 'api' }).execute();
    const { id } = await db
      .insertInto('heuristics')
      .values({ domain: 'ci', rule: 'r' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await stats()).toEqual([
      { domain: 'api', learnings: 2, heuristics: 0 },
      { domain: 'ci', learnings: 0, heuristics: 1 },
    ]);
    await db.updateTable('heuristics').set({ domain: 'api' }).where('id', '=', id).execute();
    await db.deleteFrom('learnings').where('title', '=', 'a').execute();
    expect(await stats()).toEqual([
      { domain: 'api', learnings: 1, heuristics: 1 },
      { domain: 'ci', learnings: 0, heuristics: 0 },
    ]);
  });
});

describe('full-text indexes for invariants and assumptions', () => {
  it('find them by words', async () => {
    await db
      .insertInto('invariants')
      .values({ statement: 'Hooks always exit with status zero', rationale: 'never block' })
      .execute();
    await db.insertInto('assumptions').values({ assumption: 'Every developer machine runs Node 20' }).execute();
    const found = async (table: string, word: string) =>
      (
        await sql<{
          n: number;
        }>`select count(*) as n from ${sql.table(`${table}_fts`)} where ${sql.table(`${table}_fts`)} match ${word}`.execute(
          db,
        )
      ).rows[0]?.n;
    expect(await found('invariants', 'exits')).toBe(1);
    expect(await found('assumptions', 'machines')).toBe(1);
  });
});

describe('onCreate', () => {
  it('seeds a new database once, inside the creating transaction, and never on reopen', async () => {
    const path = join(tempDir(), 'elf.db');
    let calls = 0;
    const onCreate = async (created: Kysely<Database>) => {
      calls++;
      await created.insertInto('heuristics').values({ domain: 'core', rule: 'Seeded', is_golden: 1 }).execute();
    };
    const first = await openDatabase({ path, onCreate });
    await first.close();
    const again = await openDatabase({ path, onCreate });
    const rules = await again.db.selectFrom('heuristics').select('rule').execute();
    await again.close();
    expect(calls).toBe(1);
    expect(rules).toEqual([{ rule: 'Seeded' }]);
  });

  it('leaves no half-created database when seeding fails', async () => {
    const path = join(tempDir(), 'elf.db');
    await expect(
      openDatabase({
        path,
        onCreate: async () => {
          throw new Error('seed failed');
        },
      }),
    ).rejects.toThrow(/seed failed/);
    const reopened = await openDatabase({ path });
    expect(reopened.migration?.fromVersion).toBe(0);
    await reopened.close();
  });
});
