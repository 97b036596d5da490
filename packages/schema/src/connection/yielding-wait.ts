import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { isElfError } from '../errors.js';

/** How long one attempt blocks the thread in SQLite's own busy handler before it yields. */
export const busySliceMs = 20;

export interface Patience {
  /** The whole wait for another process's lock, as the connection's busy timeout says. */
  totalMs: number;
  /** True while the connection is inside a transaction (a statement there must not be re-run). */
  inTransaction(): boolean;
}

const setTimeoutPragma = /^\s*pragma\s+busy_timeout\s*=\s*(\d+)\s*;?\s*$/i;
const readTimeoutPragma = /^\s*pragma\s+busy_timeout\s*;?\s*$/i;
const beginStatement = /^\s*begin\b/i;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A connection that waits for another process's write lock without holding up the thread: SQLite
 * blocks at most `busySliceMs` per attempt (its busy handler sleeps synchronously, and in a server
 * that stalls every request), then the wait goes on as timers, so other work runs in between.
 * Only what is safe to run again is retried: a BEGIN, or a statement outside a transaction (a
 * BUSY there means it changed nothing). `pragma busy_timeout = N` sets the whole wait (telemetry
 * lowers it for its flush); reading it gives that wait back.
 */
export function withYieldingWait(connection: DatabaseConnection, patience: Patience): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const set = query.sql.match(setTimeoutPragma);
      if (set) {
        patience.totalMs = Number(set[1]);
        return { rows: [] };
      }
      if (readTimeoutPragma.test(query.sql)) return { rows: [{ timeout: patience.totalMs } as R] };
      const deadline = Date.now() + patience.totalMs;
      for (let attempt = 0; ; attempt++) {
        try {
          return await connection.executeQuery<R>(query);
        } catch (error) {
          const retry =
            isElfError(error) &&
            error.code === 'BUSY' &&
            (beginStatement.test(query.sql) || !patience.inTransaction()) &&
            Date.now() < deadline;
          if (!retry) throw error;
          await sleep(Math.min(5 * 2 ** Math.min(attempt, 4), Math.max(1, deadline - Date.now())));
        }
      }
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}
