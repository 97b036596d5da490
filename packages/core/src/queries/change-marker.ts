import type { Database } from '@elf/schema';
import { type Kysely, sql } from 'kysely';

/**
 * A value that changes whenever the database does: `data_version` moves when another connection
 * commits, `total_changes()` when this one writes. In-process caches keyed by it are never
 * served stale after a change, from this process or any other.
 */
export async function changeMarker(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ v: number; c: number }>`
    select (select data_version from pragma_data_version) as v, total_changes() as c`.execute(db);
  return `${rows[0]?.v ?? 0}:${rows[0]?.c ?? 0}`;
}
