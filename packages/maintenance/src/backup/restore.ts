import { existsSync } from 'node:fs';
import { copyDatabaseFile, ElfError, latestSchemaVersion, openDatabase } from '@elf/schema';
import { createBackup, verifyBackup } from './backup.js';

export interface RestoreOptions {
  /** The live database to replace. */
  path: string;
  /** The backup to restore. */
  from: string;
  /** Where the copy of the current database goes before it is replaced. */
  backupsDir: string;
  now?: Date;
}

export interface RestoreResult {
  restored: string;
  from: string;
  /** The copy of the database as it was before the restore (null when there was none). */
  previous: string | null;
  schemaVersion: number;
}

/**
 * Restores a backup into the live database path: the backup is verified first, the current
 * database is copied aside (`elf-pre-restore-…`), then the backup is written over it through the
 * online backup API (so processes that have it open see a consistent database), and migrated if
 * it came from an older ELF.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  if (!existsSync(options.from))
    throw new ElfError('NOT_FOUND', `file: no backup at ${options.from}`, { field: 'file' });
  await verifyBackup(options.from);
  let previous: string | null = null;
  if (existsSync(options.path)) {
    const current = await openDatabase({ path: options.path, migrate: false });
    try {
      previous = (
        await createBackup(current, {
          dir: options.backupsDir,
          prefix: 'elf-pre-restore-',
          ...(options.now ? { now: options.now } : {}),
        })
      ).path;
    } finally {
      await current.close();
    }
  }
  await copyDatabaseFile(options.from, options.path);
  const restored = await openDatabase({ path: options.path });
  const schemaVersion = restored.schemaVersion;
  await restored.close();
  if (schemaVersion !== latestSchemaVersion) {
    throw new ElfError(
      'DATABASE',
      `restored database is at schema version ${schemaVersion}, expected ${latestSchemaVersion}`,
    );
  }
  return { restored: options.path, from: options.from, previous, schemaVersion };
}
