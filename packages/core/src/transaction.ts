import type { Database } from '@elf/schema';
import { type Kysely, sql, type Transaction } from 'kysely';

/**
 * Runs `fn` in one IMMEDIATE transaction (the schema's dialect begins every transaction that way),
 * or inside the caller's transaction when there already is one, so that helpers compose into one
 * atomic write. Driver errors arrive here already as ElfErrors (the connection maps them).
 */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}

/**
 * Runs `fn` on one connection inside a read transaction (a plain, deferred BEGIN), so that all it
 * reads comes from one snapshot of the database even while other processes commit; inside the
 * caller's transaction when there already is one. Takes no lock a writer would wait for.
 */
export async function readTransaction<T>(db: Kysely<Database>, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
