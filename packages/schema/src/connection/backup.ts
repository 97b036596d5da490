import type BetterSqlite3 from 'better-sqlite3';
import { ElfError, toElfError } from '../errors.js';
import { openSqlite } from './native-addon.js';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface CopyOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** Pages copied per step; between steps other connections may read and write. */
  pagesPerStep?: number;
}

/** What the online backup API needs of an open database (better-sqlite3's `backup`). */
export interface BackupSource {
  backup(
    destination: string,
    options?: { progress?: (info: BackupProgress) => number },
  ): Promise<{ totalPages: number; remainingPages: number }>;
}

/**
 * Copies a live database page by page through SQLite's online backup API: a consistent snapshot
 * even while other processes write, with progress.
 */
export async function backupTo(
  source: BackupSource,
  destination: string,
  options: CopyOptions = {},
): Promise<BackupProgress> {
  const step = options.pagesPerStep ?? 256;
  try {
    return await source.backup(destination, {
      progress: (info) => {
        options.onProgress?.(info);
        return step;
      },
    });
  } catch (error) {
    throw toElfError(error);
  }
}

/**
 * Copies the database file `source` into `destination` through the backup API (used to restore a
 * backup into the live path, and to verify copies). The source is opened read-only.
 */
export async function copyDatabaseFile(
  source: string,
  destination: string,
  options: CopyOptions = {},
): Promise<BackupProgress> {
  let raw: BetterSqlite3.Database;
  try {
    raw = openSqlite(source, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ElfError('DATABASE', `cannot open ${source}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  try {
    return await backupTo(raw, destination, options);
  } finally {
    raw.close();
  }
}
