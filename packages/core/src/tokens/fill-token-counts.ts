import { sql } from 'kysely';
import type { CoreHandle } from '../core-handle.js';
import { writeTransaction } from '../transaction.js';
import { type CountedKind, countedKinds, countedTables, type ItemTextFields, itemText } from './item-text.js';
import type { TokenCounter } from './token-counter.js';

export interface FillTokenCountsResult {
  counted: Record<CountedKind, number>;
  total: number;
}

/**
 * Counts and stores the tokens of every item that has no count yet (new, imported, or edited
 * since). Meant for where latency does not matter (init, maintenance, session end), never for a
 * capture hook. Works in batches, each read and written in one transaction.
 */
export async function fillTokenCounts(
  ctx: CoreHandle,
  counter: TokenCounter,
  options: { batchSize?: number; maxItems?: number } = {},
): Promise<FillTokenCountsResult> {
  const batchSize = options.batchSize ?? 500;
  let budget = options.maxItems ?? Number.POSITIVE_INFINITY;
  const counted = Object.fromEntries(countedKinds.map((kind) => [kind, 0])) as Record<CountedKind, number>;
  for (const kind of countedKinds) {
    const { table, columns } = countedTables[kind];
    for (;;) {
      const take = Math.min(batchSize, budget);
      if (take <= 0) break;
      const done = await writeTransaction(ctx.db, async (trx) => {
        const { rows } = await sql<Record<string, string | number | null>>`
          select id, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}
          where token_count is null limit ${take}`.execute(trx);
        for (const row of rows) {
          const tokens = counter.count(itemText(kind, row as unknown as ItemTextFields[typeof kind]));
          await sql`update ${sql.table(table)} set token_count = ${tokens} where id = ${row.id}`.execute(trx);
        }
        return rows.length;
      });
      counted[kind] += done;
      budget -= done;
      if (done < take) break;
    }
  }
  return { counted, total: Object.values(counted).reduce((a, b) => a + b, 0) };
}
