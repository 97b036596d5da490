import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, type KyselyConfig } from 'kysely';
import type { Database } from '../database.js';
import { ElfError, sqliteCause, toElfError } from '../errors.js';
import { latestSchemaVersion } from '../migrations/index.js';
import {
  assertNotNewer,
  getSchemaVersion,
  type MigrationReport,
  migrateToLatest,
} from '../migrations/schema-migrator.js';
import { type BackupProgress, backupTo, type CopyOptions } from './backup.js';
import { ImmediateSqliteDialect } from './immediate-dialect.js';
import { openSqlite } from './native-addon.js';
import { withStatementCache } from './statement-cache.js';
import { busySliceMs } from './yielding-wait.js';

export const defaultBusyTimeoutMs = 5000;

export interface OpenDatabaseOptions {
  /** A file path, or `:memory:` for a private in-memory database. */
  path: string;
  /** Open read-only: never creates, writes or migrates. */
  readonly?: boolean;
  /** Create the file (and its folder) when missing. Default true; ignored when read-only. */
  create?: boolean;
  /** Apply pending migrations on open. Default true; ignored when read-only. */
  migrate?: boolean;
  /** How long a statement waits for another process's lock before failing as BUSY. Default 5000 ms. */
  busyTimeoutMs?: number;
  /**
   * `block` (default): SQLite waits for a lock in its own busy handler, holding up the thread — fine
   * for a short-lived process. `yield`: it blocks at most 20 ms per attempt and the rest of the wait
   * is timers, so a server goes on answering other requests while one waits.
   */
  busyWait?: 'block' | 'yield';
  /** Kysely's log hook: how profiling observes every query without core knowing. */
  log?: KyselyConfig['log'];
  /** Seeds a brand-new database, inside the transaction that creates its schema. */
  onCreate?: (db: Kysely<Database>) => Promise<void>;
}

export interface ElfDatabase {
  readonly db: Kysely<Database>;
  /** Absolute path, or `:memory:`. */
  readonly path: string;
  readonly readonly: boolean;
  /** The schema version after opening (equals `latestSchemaVersion` unless migrate was off). */
  readonly schemaVersion: number;
  /** What ran on open, when the database was behind. */
  readonly migration: MigrationReport | undefined;
  /** Reads one pragma, e.g. `pragma('journal_mode')`. */
  pragma(name: string): unknown;
  /** A consistent copy to `destination` through SQLite's online backup API, while others keep writing. */
  backup(destination: string, options?: CopyOptions): Promise<BackupProgress>;
  close(): Promise<void>;
}

const memoryPath = ':memory:';

/**
 * Creates the missing folders one level at a time. Node's `mkdirSync(…, { recursive: true })`
 * spins forever on some paths (seen under /proc here); a plain loop fails fast instead.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) mkdirSync(folder, { mode: 0o700 });
}

/** A new database file is created here with mode 0600 before SQLite opens it (no window where it is world-readable). */
function ensureFile(path: string): void {
  try {
    makeFolders(dirname(path));
    if (!existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    // Another process created the file between the check and the open: that is fine.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(path)) return;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ElfError('DATABASE', `cannot create database ${path}: ${reason}`, { cause: error });
  }
}

function openRaw(path: string, options: OpenDatabaseOptions): BetterSqlite3.Database {
  const readonly = options.readonly === true;
  const create = options.create !== false && !readonly;
  if (path !== memoryPath) {
    if (create) ensureFile(path);
    else if (!existsSync(path)) throw new ElfError('NOT_FOUND', `database not found: ${path}`, { field: 'path' });
  }
  return openSqlite(path, {
    readonly,
    fileMustExist: !create && path !== memoryPath,
    timeout: options.busyTimeoutMs ?? defaultBusyTimeoutMs,
  });
}

function configure(raw: BetterSqlite3.Database, readonly: boolean, busyTimeoutMs: number): void {
  raw.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  raw.pragma('foreign_keys = ON');
  if (!readonly) {
    if (raw.pragma('journal_mode', { simple: true }) !== 'wal') raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
  }
}

/**
 * A database that has tables but no ELF schema version is someone else's: never migrate it.
 * Version and tables are read in one snapshot: another process may be creating this database
 * right now, and between two separate reads its tables could appear with the version unseen.
 * Returns the version in that snapshot (above 0 when that process finished first).
 */
function assertEmptyOrElf(raw: BetterSqlite3.Database, path: string): number {
  raw.exec('BEGIN');
  let version: number;
  let foreign: unknown;
  try {
    version = raw.pragma('user_version', { simple: true }) as number;
    foreign = raw
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' limit 1")
      .pluck()
      .get();
  } finally {
    raw.exec('COMMIT');
  }
  if (version > 0) return version;
  if (foreign !== undefined) {
    throw new ElfError(
      'DATABASE',
      `${path} is not an ELF database (it has tables but no ELF schema version); to bring data from the original Python ELF use \`elf import elf-py\``,
    );
  }
  return 0;
}

/**
 * Opens (and creates, and migrates) an ELF database: WAL, synchronous=NORMAL, busy_timeout,
 * foreign keys on. An up-to-date database costs one pragma read beyond the open itself.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<ElfDatabase> {
  const path = options.path === memoryPath ? memoryPath : resolve(options.path);
  const readonly = options.readonly === true;
  let raw: BetterSqlite3.Database | undefined;
  let db: Kysely<Database> | undefined;
  try {
    raw = openRaw(path, options);
    const busyTimeoutMs = options.busyTimeoutMs ?? defaultBusyTimeoutMs;
    const yielding = options.busyWait === 'yield';
    configure(raw, readonly, yielding ? Math.min(busySliceMs, busyTimeoutMs) : busyTimeoutMs);
    const first = raw.pragma('user_version', { simple: true }) as number;
    const stored = first === 0 && !readonly ? assertEmptyOrElf(raw, path) : first;
    assertNotNewer(stored);
    const connection = raw;
    const patience = yielding ? { totalMs: busyTimeoutMs, inTransaction: () => connection.inTransaction } : undefined;
    db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(connection) }, patience),
      ...(options.log ? { log: options.log } : {}),
    });
    let migration: MigrationReport | undefined;
    if (stored < latestSchemaVersion && !readonly && options.migrate !== false) {
      migration = await migrateToLatest(db, options.onCreate ? { onCreate: options.onCreate } : {});
    }
    const schemaVersion = migration ? await getSchemaVersion(db) : stored;
    const handle = db;
    return {
      db: handle,
      path,
      readonly,
      schemaVersion,
      migration,
      pragma: (name: string) => {
        // Pragmas use the raw connection, not kysely's: map its errors as the statement wrapper does.
        try {
          return connection.pragma(name, { simple: true });
        } catch (error) {
          throw toElfError(error);
        }
      },
      backup: (destination: string, backupOptions?: CopyOptions) => backupTo(connection, destination, backupOptions),
      close: () => handle.destroy(),
    };
  } catch (error) {
    if (db) await db.destroy().catch(() => undefined);
    else raw?.close();
    throw describeOpenError(toElfError(error), path);
  }
}

function describeOpenError(error: ElfError, path: string): ElfError {
  if (error.code !== 'DATABASE' && error.code !== 'INTERNAL') return error;
  const sqliteCode = sqliteCause(error)?.code;
  if (sqliteCode === 'SQLITE_NOTADB' || sqliteCode === 'SQLITE_CORRUPT') {
    return new ElfError('DATABASE', `${path} is not a valid SQLite database (corrupt or another kind of file)`, {
      cause: error,
    });
  }
  if (sqliteCode === 'SQLITE_CANTOPEN' || error.code === 'INTERNAL') {
    return new ElfError('DATABASE', `cannot open database ${path}: ${error.message}`, { cause: error });
  }
  return error;
}
