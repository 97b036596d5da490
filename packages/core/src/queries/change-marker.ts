import { sql } from 'kysely';
import type { CoreHandle } from '../core-handle.js';

/**
 * A value that changes whenever the knowledge in the database does: `data_version` moves when
 * another connection commits, `total_changes()` when this one writes — less the rows this
 * connection wrote that change no knowledge (`unmarked`: query telemetry, which every query adds,
 * and session bookkeeping, which every hook event adds).
 * In-process caches keyed by it are never served stale after a change, from any process.
 */
export async function changeMarker(ctx: Pick<CoreHandle, 'db' | 'unmarked'>): Promise<string> {
  const { rows } = await sql<{ v: number; c: number }>`
    select (select data_version from pragma_data_version) as v, total_changes() as c`.execute(ctx.db);
  return `${rows[0]?.v ?? 0}:${(rows[0]?.c ?? 0) - (ctx.unmarked?.rows ?? 0)}`;
}
