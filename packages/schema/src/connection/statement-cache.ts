import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { toElfError } from '../errors.js';

/** What we need from better-sqlite3's Database: kept structural so only open-database imports it. */
interface RawStatement {
  readonly reader: boolean;
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
}
interface RawDatabase {
  prepare(sql: string): RawStatement;
  close(): unknown;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become 0/1. */
function bindable(parameters: readonly unknown[]): unknown[] {
  if (!parameters.some((value) => typeof value === 'boolean')) return parameters as unknown[];
  return parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
}

/**
 * The one place driver errors become ElfErrors: every statement kysely runs passes through here,
 * so no caller (core's transactions or a plain query alike) ever sees a raw SqliteError.
 */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toElfError(error);
  }
}

/** Errors surface while stepping, not only when iteration starts (a lock, a bad row mid-scan). */
function* guardedRows(start: () => IterableIterator<unknown>): IterableIterator<unknown> {
  try {
    yield* start();
  } catch (error) {
    throw toElfError(error);
  }
}

/**
 * Kysely's SQLite driver prepares every statement anew. This wrapper keeps the most recently used
 * prepared statements (LRU), so a query that runs again skips SQLite's parse and plan. Iteration
 * always uses a fresh statement: better-sqlite3 cannot reuse a statement while it iterates.
 */
export function withStatementCache(raw: RawDatabase, capacity = 200): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();

  function wrap(sql: string, statement: RawStatement): SqliteStatement {
    return {
      reader: statement.reader,
      all: (parameters) => guarded(() => statement.all(bindable(parameters))),
      run: (parameters) => guarded(() => statement.run(bindable(parameters))),
      iterate: (parameters) => guardedRows(() => raw.prepare(sql).iterate(bindable(parameters))),
    };
  }

  return {
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const prepared = guarded(() => raw.prepare(sql));
      const statement = wrap(sql, prepared);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
    close(): void {
      cache.clear();
      guarded(() => raw.close());
    },
  };
}
