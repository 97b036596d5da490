import { type Database, toElfError } from '@elf/schema';
import type { Kysely, Transaction } from 'kysely';

/**
 * Runs `fn` in one IMMEDIATE transaction (the schema's dialect begins every transaction that way),
 * or inside the caller's transaction when there already is one. Driver errors become ElfErrors.
 */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    if (db.isTransaction) return await fn(db);
    return await db.transaction().execute((trx: Transaction<Database>) => fn(trx));
  } catch (error) {
    throw toElfError(error);
  }
}

/** Runs a read, mapping driver errors (busy, corrupt) to ElfErrors. */
export async function read<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toElfError(error);
  }
}
