import { type Database, sessionStateTables, telemetryTables } from '@elf/schema';
import { type Kysely, sql } from 'kysely';

export interface PruneResult {
  olderThanDays: number;
  cutoff: string;
  deleted: Record<(typeof telemetryTables)[number], number>;
  /** Per-session hook state of sessions that started before the cutoff (their summaries stay). */
  sessionState: { sessions: number; rows: number };
}

const timeColumn: Record<(typeof telemetryTables)[number], string> = {
  building_queries: 'created_at',
  metrics: 'timestamp',
  trails: 'created_at',
};

/**
 * Deletes telemetry (query log, metrics, trails) older than N days, in batches of 5,000 rows so
 * other writers are never locked out for long. Knowledge tables are never touched.
 */
export async function pruneTelemetry(
  db: Kysely<Database>,
  options: { olderThanDays: number; now?: Date; batchSize?: number },
): Promise<PruneResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.olderThanDays * 86_400_000).toISOString();
  const batch = options.batchSize ?? 5000;
  const deleted = { building_queries: 0, metrics: 0, trails: 0 };
  for (const table of telemetryTables) {
    const column = sql.ref(timeColumn[table]);
    for (;;) {
      const result = await db.transaction().execute((trx) =>
        sql`delete from ${sql.table(table)} where id in (
              select id from ${sql.table(table)} where ${column} < ${cutoff} limit ${batch})`.execute(trx),
      );
      const n = Number(result.numAffectedRows ?? 0);
      deleted[table] += n;
      if (n < batch) break;
    }
  }
  return { olderThanDays: options.olderThanDays, cutoff, deleted, sessionState: await pruneSessionState(db, cutoff) };
}

/**
 * Drops what hooks kept per session (injections, consultations, tool counts, capture
 * fingerprints) for sessions that started before the cutoff; the session summaries stay.
 */
async function pruneSessionState(db: Kysely<Database>, cutoff: string): Promise<PruneResult['sessionState']> {
  const old = await db
    .selectFrom('session_summaries')
    .select('session_id')
    .where('started_at', '<', cutoff)
    .limit(100_000)
    .execute();
  let rows = 0;
  for (let i = 0; i < old.length; i += 500) {
    const ids = old.slice(i, i + 500).map((s) => s.session_id);
    rows += await db.transaction().execute(async (trx) => {
      let n = 0;
      for (const table of sessionStateTables) {
        const result = await trx.deleteFrom(table).where('session_id', 'in', ids).executeTakeFirst();
        n += Number(result.numDeletedRows ?? 0);
      }
      return n;
    });
  }
  return { sessions: old.length, rows };
}
