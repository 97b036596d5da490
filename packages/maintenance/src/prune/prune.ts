import { type Database, telemetryTables } from '@elf/schema';
import { type Kysely, sql } from 'kysely';

export interface PruneResult {
  olderThanDays: number;
  cutoff: string;
  deleted: Record<(typeof telemetryTables)[number], number>;
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
  return { olderThanDays: options.olderThanDays, cutoff, deleted };
}
