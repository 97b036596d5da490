import type { Database } from '@elf/schema';
import type { Kysely, Selectable } from 'kysely';

/** Tables with an integer `id`, which can be walked in id order. */
export type IterableTable = Exclude<
  keyof Database,
  'learning_tags' | 'domain_stats' | 'kept_counts' | 'building_query_days'
>;

/**
 * Every row of a table in id order, fetched in batches by keyset pagination (`id > last`), so a
 * scan of 100k rows holds one batch in memory and never holds the connection between batches
 * (other queries can run while the caller processes rows).
 */
export async function* iterateRows<T extends IterableTable>(
  db: Kysely<Database>,
  table: T,
  options: { batchSize?: number; afterId?: number } = {},
): AsyncGenerator<Selectable<Database[T]>> {
  const batchSize = options.batchSize ?? 500;
  let last = options.afterId ?? 0;
  for (;;) {
    const batch = (await (db as Kysely<any>)
      .selectFrom(table)
      .selectAll()
      .where('id', '>', last)
      .orderBy('id')
      .limit(batchSize)
      .execute()) as Array<Selectable<Database[T]> & { id: number }>;
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    last = (batch[batch.length - 1] as { id: number }).id;
  }
}
