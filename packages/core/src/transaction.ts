import type { Database } from '@elf/schema';
import type { Kysely, Transaction } from 'kysely';

/**
 * Runs `fn` in one IMMEDIATE transaction (the schema's dialect begins every transaction that way),
 * or inside the caller's transaction when there already is one, so that helpers compose into one
 * atomic write. Driver errors arrive here already as ElfErrors (the connection maps them).
 */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}
