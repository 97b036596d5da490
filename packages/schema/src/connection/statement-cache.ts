import type { SqliteDatabase, SqliteStatement } from 'kysely';

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
 * Kysely's SQLite driver prepares every statement anew. This wrapper keeps the most recently used
 * prepared statements (LRU), so a query that runs again skips SQLite's parse and plan. Iteration
 * always uses a fresh statement: better-sqlite3 cannot reuse a statement while it iterates.
 */
export function withStatementCache(raw: RawDatabase, capacity = 200): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();

  function wrap(sql: string, statement: RawStatement): SqliteStatement {
    return {
      reader: statement.reader,
      all: (parameters) => statement.all(bindable(parameters)),
      run: (parameters) => statement.run(bindable(parameters)),
      iterate: (parameters) => raw.prepare(sql).iterate(bindable(parameters)),
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
      const statement = wrap(sql, raw.prepare(sql));
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
    close(): void {
      cache.clear();
      raw.close();
    },
  };
}
