import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { ElfError, sqliteCause } from '../errors.js';
import { latestSchemaVersion, migrations } from './index.js';

// The schema version lives in `PRAGMA user_version` so that opening an up-to-date database costs
// one pragma read; kysely's Migrator (and its bookkeeping tables) runs only when the version is behind.

export interface MigrationReport {
  fromVersion: number;
  toVersion: number;
  results: NonNullable<MigrationResultSet['results']>;
}

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'elf_migration',
    migrationLockTableName: 'elf_migration_lock',
    // The caller's IMMEDIATE transaction (below) wraps the migrator's bookkeeping too.
    disableTransactions: true,
  });
}

/**
 * Runs `work` inside one BEGIN IMMEDIATE … COMMIT on the database's single connection: the
 * migrator's bookkeeping tables, every migration and the new user_version become visible to other
 * processes at once, and concurrent first opens wait for the lock instead of racing.
 */
async function exclusively<T>(db: Kysely<any>, work: () => Promise<T>): Promise<T> {
  await sql`begin immediate`.execute(db);
  try {
    const result = await work();
    await sql`commit`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(db).catch(() => undefined);
    throw error;
  }
}

/** Reads the stored schema version (0 for a new or foreign database). */
export async function getSchemaVersion(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
  return rows[0]?.user_version ?? 0;
}

async function setSchemaVersion(db: Kysely<any>, version: number): Promise<void> {
  await sql.raw(`pragma user_version = ${Math.trunc(version)}`).execute(db);
}

async function countAppliedMigrations(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from elf_migration`.execute(db);
  return rows[0]?.n ?? 0;
}

function unwrap(result: MigrationResultSet, action: string): NonNullable<MigrationResultSet['results']> {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const error = sqliteCause(result.error) ?? result.error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ElfError('DATABASE', `${action} failed at migration ${failed}: ${message}`, { cause: result.error });
  }
  return result.results ?? [];
}

/** Refuses a database written by a newer ELF, before anything touches it. */
export function assertNotNewer(version: number): void {
  if (version > latestSchemaVersion) {
    throw new ElfError(
      'DATABASE',
      `database schema version ${version} is newer than this ELF understands (${latestSchemaVersion}); upgrade elf instead of opening it with this version`,
    );
  }
}

/**
 * Applies every pending migration and stores the new schema version, all in one IMMEDIATE
 * transaction: it either all happens or none of it does. Idempotent.
 */
export interface MigrateOptions {
  /**
   * Runs in the same transaction, right after the schema is created on a new database (version 0),
   * e.g. to seed starter content. Exactly one of several processes racing to create it runs it.
   */
  onCreate?: (db: Kysely<any>) => Promise<void>;
}

export function migrateToLatest(db: Kysely<any>, options: MigrateOptions = {}): Promise<MigrationReport> {
  return exclusively(db, async () => {
    const fromVersion = await getSchemaVersion(db);
    assertNotNewer(fromVersion);
    const results = unwrap(await migrator(db).migrateToLatest(), 'migration');
    const toVersion = await countAppliedMigrations(db);
    if (fromVersion === 0 && results.length > 0 && options.onCreate) await options.onCreate(db);
    await setSchemaVersion(db, toVersion);
    return { fromVersion, toVersion, results };
  });
}

/** Reverts the newest `steps` migrations (for tests and emergency downgrades). */
export function migrateDown(db: Kysely<any>, steps = 1): Promise<MigrationReport> {
  return exclusively(db, async () => {
    const fromVersion = await getSchemaVersion(db);
    const m = migrator(db);
    const results: NonNullable<MigrationResultSet['results']> = [];
    for (let i = 0; i < steps; i++) {
      const step = unwrap(await m.migrateDown(), 'downgrade');
      if (step.length === 0) break;
      results.push(...step);
    }
    const toVersion = await countAppliedMigrations(db);
    await setSchemaVersion(db, toVersion);
    return { fromVersion, toVersion, results };
  });
}
