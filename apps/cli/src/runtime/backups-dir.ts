import { dirname, join, resolve } from 'node:path';
import { Option } from 'commander';
import type { Io } from '../io.js';
import { resolveDatabasePath } from './database-path.js';
import type { GlobalOptions } from './globals.js';

/** Backups live next to the database, in `backups/`, unless --to names another folder. */
export function backupsDir(io: Io, globals: GlobalOptions, to?: string): string {
  return to ? resolve(io.cwd, to) : join(dirname(resolveDatabasePath(globals, io)), 'backups');
}

/** `--to <dir>` of the commands that read the backups (its help states backupsDir's default). */
export const backupsDirOption = () =>
  new Option('--to <dir>', 'where backups are kept (default: backups/ next to the database)');
