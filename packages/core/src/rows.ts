import { type Database, ElfError } from '@elf/schema';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { writeTransaction } from './transaction.js';

// One row at a time: a new item stored, and by id the read every change starts with and the write
// that follows it.

/** What a missing row is called in NOT_FOUND messages (`id: no review with id 7`). */
const nouns = {
  assumptions: 'assumption',
  ceo_reviews: 'review',
  decisions: 'decision',
  experiments: 'experiment',
  heuristics: 'heuristic',
  invariants: 'invariant',
  learnings: 'learning',
  spike_reports: 'spike report',
} as const;

export type KnowledgeTable = keyof typeof nouns;

/** The row with this id, or NOT_FOUND naming `field` (the input that carried the id). */
export async function requireRow<T extends KnowledgeTable>(
  db: Kysely<Database>,
  table: T,
  id: number,
  field = 'id',
): Promise<Selectable<Database[T]>> {
  const row = await db
    .selectFrom(table as KnowledgeTable)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ElfError('NOT_FOUND', `${field}: no ${nouns[table]} with id ${id}`, { field });
  return row as Selectable<Database[T]>;
}

/** Changes one row by id and returns it as stored. */
export function updateRow<T extends KnowledgeTable>(
  db: Kysely<Database>,
  table: T,
  id: number,
  changes: Updateable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  return db
    .updateTable(table as KnowledgeTable)
    .set(changes as Updateable<Database[KnowledgeTable]>)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<Selectable<Database[T]>>;
}

/**
 * Read-then-write of one row, in one IMMEDIATE transaction (or the caller's) so that no other
 * writer slips in between: the row by id (or NOT_FOUND), then what `change` makes of it stored.
 * `change` refuses a row by throwing.
 */
export function changeRow<T extends KnowledgeTable>(
  db: Kysely<Database>,
  table: T,
  id: number,
  change: (row: Selectable<Database[T]>) => Updateable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  return writeTransaction(db, async (trx) => {
    const row = await requireRow(trx, table, id);
    return updateRow(trx, table, id, change(row));
  });
}

/** Stores one new row in one IMMEDIATE transaction (or the caller's) and returns it as stored. */
export function insertRow<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  values: Insertable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  return writeTransaction(
    db,
    (trx) =>
      trx
        .insertInto(table as keyof Database)
        .values(values as Insertable<Database[keyof Database]>)
        .returningAll()
        .executeTakeFirstOrThrow() as Promise<Selectable<Database[T]>>,
  );
}
