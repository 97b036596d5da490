import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { ElfError, toElfError } from '../errors.js';
import { openSqlite } from './native-addon.js';
import { withStatementCache } from './statement-cache.js';

export interface ForeignDatabase {
  /** Untyped: the tables are whatever the other program made. */
  readonly db: Kysely<any>;
  readonly path: string;
  /** Table name → its column names, from sqlite_master and table_info. */
  tables(): Promise<Map<string, Set<string>>>;
  close(): Promise<void>;
}

/**
 * Opens another program's SQLite database read-only — the original Python ELF's index.db, for
 * import — without touching it: no pragmas that write, no migrations, no version checks.
 */
export async function openForeignDatabase(path: string): Promise<ForeignDatabase> {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new ElfError('NOT_FOUND', `database not found: ${absolute}`, { field: 'path' });
  let raw: BetterSqlite3.Database;
  try {
    raw = openSqlite(absolute, { readonly: true, fileMustExist: true });
    raw.pragma('schema_version');
  } catch (error) {
    throw new ElfError('DATABASE', `${absolute} is not a readable SQLite database: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const connection = raw;
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return {
    db,
    path: absolute,
    async tables() {
      // The raw connection, not kysely's: its errors are mapped here, as the statement wrapper does.
      try {
        const names = connection
          .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
          .pluck()
          .all() as string[];
        return new Map(
          names.map((name) => [
            name,
            new Set(
              (connection.pragma(`table_info(${JSON.stringify(name)})`) as Array<{ name: string }>).map((c) => c.name),
            ),
          ]),
        );
      } catch (error) {
        throw toElfError(error);
      }
    },
    close: () => db.destroy(),
  };
}
