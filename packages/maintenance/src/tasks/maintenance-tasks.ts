import { type ElfDatabase, ElfError, ftsTables, isElfError, sqliteCause } from '@elf/schema';
import { sql } from 'kysely';
import { databaseStats } from '../stats/database-stats.js';

export type MaintenanceTask = 'analyze' | 'optimize' | 'reindex' | 'vacuum';

export interface TaskResult {
  task: MaintenanceTask;
  status: 'done' | 'busy';
  /** When busy: why it did not run. */
  message: string | null;
  durationMs: number;
  before: { fileBytes: number; walBytes: number; pageCount: number; freelistCount: number };
  after: { fileBytes: number; walBytes: number; pageCount: number; freelistCount: number };
}

const statements: Record<MaintenanceTask, string> = {
  // Statistics for the query planner; the original ran this on every open (68 ms at 100k rows).
  analyze: 'ANALYZE',
  // Re-analyses only what changed enough to matter, and merges each full-text index's segments
  // into one b-tree (smaller and faster to query after many small writes).
  optimize: 'PRAGMA optimize',
  reindex: 'REINDEX',
  // Rewrites the file without free pages; needs every other connection to be idle.
  vacuum: 'VACUUM',
};

async function snapshot(handle: ElfDatabase) {
  const s = await databaseStats(handle);
  return { fileBytes: s.fileBytes, walBytes: s.walBytes, pageCount: s.pageCount, freelistCount: s.freelistCount };
}

/**
 * Runs one maintenance statement and reports sizes before and after. A database held by other
 * writers past the busy timeout is reported as `busy`, not thrown: maintenance can wait.
 */
export async function runMaintenanceTask(handle: ElfDatabase, task: MaintenanceTask): Promise<TaskResult> {
  const before = await snapshot(handle);
  const started = performance.now();
  let status: TaskResult['status'] = 'done';
  let message: string | null = null;
  try {
    await sql.raw(statements[task]).execute(handle.db);
    if (task === 'optimize') {
      for (const fts of ftsTables) await sql.raw(`INSERT INTO ${fts} (${fts}) VALUES ('optimize')`).execute(handle.db);
    }
    if (task === 'vacuum') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(handle.db);
  } catch (error) {
    if (!isElfError(error) || error.code !== 'BUSY') {
      const reason = sqliteCause(error) ?? (error as Error);
      throw new ElfError('DATABASE', `${task} failed: ${reason.message}`, { cause: error });
    }
    status = 'busy';
    message = `other connections held the database past the busy timeout; ${task} did not run`;
  }
  const durationMs = Math.round((performance.now() - started) * 100) / 100;
  return { task, status, message, durationMs, before, after: await snapshot(handle) };
}
