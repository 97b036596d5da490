import { isElfError, type NewBuildingQueryRow } from '@elf/schema';
import { sql } from 'kysely';
import type { CoreHandle } from '../core-handle.js';

/** How long a telemetry write may wait for another writer's lock: telemetry never stalls a query. */
const telemetryBusyTimeoutMs = 250;

export interface QuerySpec {
  type: string;
  domain?: string | null | undefined;
  tags?: readonly string[] | string | null | undefined;
  limit?: number | null | undefined;
  maxTokens?: number | null | undefined;
  summary?: string | null | undefined;
}

export type QueryCounts = Partial<
  Pick<
    NewBuildingQueryRow,
    | 'results_returned'
    | 'tokens_approximated'
    | 'golden_rules_returned'
    | 'heuristics_count'
    | 'learnings_count'
    | 'experiments_count'
    | 'ceo_reviews_count'
    | 'query_summary'
  >
>;

function preview(value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return text.length > max ? text.slice(0, max) : text;
}

/** Rows waiting to be written; flushed in one transaction when the buffer fills, on close, or on request. */
const flushAt = 50;

/**
 * Queues one building_queries row. Telemetry stays off the query's path: rows are written in
 * batches (one short transaction per flush), never fail a query, and wait at most 250 ms for a
 * lock; a lost batch is reported to the logger.
 */
export async function writeQueryLog(ctx: CoreHandle, row: NewBuildingQueryRow): Promise<void> {
  ctx.telemetryBuffer ??= [];
  ctx.telemetryBuffer.push(row);
  if (ctx.telemetryBuffer.length >= flushAt) await flushQueryLog(ctx);
}

/** Writes the queued telemetry rows now (Elf.close and flushTelemetry call it). Never throws. */
export async function flushQueryLog(ctx: CoreHandle): Promise<void> {
  const rows = ctx.telemetryBuffer?.splice(0) ?? [];
  if (rows.length === 0) return;
  try {
    await ctx.db.connection().execute(async (conn) => {
      const { rows: pragma } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn);
      const previous = pragma[0]?.timeout ?? 5000;
      await sql.raw(`pragma busy_timeout = ${telemetryBusyTimeoutMs}`).execute(conn);
      // Every change this flush makes (its rows, the triggers that count them, a batch rolled
      // back) is telemetry, not knowledge: the change marker leaves all of it out.
      const changes = async () => (await sql<{ c: number }>`select total_changes() as c`.execute(conn)).rows[0]?.c ?? 0;
      const before = await changes();
      try {
        await sql`begin immediate`.execute(conn);
        try {
          for (const row of rows) await conn.insertInto('building_queries').values(row).execute();
          await sql`commit`.execute(conn);
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      } finally {
        if (ctx.unmarked) ctx.unmarked.rows += (await changes()) - before;
        await sql.raw(`pragma busy_timeout = ${Math.trunc(previous)}`).execute(conn);
      }
    });
  } catch (error) {
    ctx.logger?.warn('query telemetry not recorded', {
      rows: rows.length,
      query_type: rows[0]?.query_type,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Runs a public query and records it: type, duration, result counts, status and error code.
 * The query's own result or error is returned unchanged.
 */
export async function withQueryLog<T>(
  ctx: CoreHandle,
  spec: QuerySpec,
  run: () => Promise<T>,
  count: (result: T) => QueryCounts,
): Promise<T> {
  const started = process.hrtime.bigint();
  const createdAt = ctx.clock.now();
  const base: NewBuildingQueryRow = {
    query_type: spec.type,
    session_id: ctx.sessionId ?? null,
    agent_id: ctx.agentId ?? null,
    domain: preview(spec.domain, 100),
    tags: preview(spec.tags, 500),
    limit_requested: typeof spec.limit === 'number' ? spec.limit : null,
    max_tokens_requested: typeof spec.maxTokens === 'number' ? spec.maxTokens : null,
    query_summary: preview(spec.summary, 200),
    created_at: createdAt.toISOString(),
    status: 'success',
  };
  // process.hrtime, not performance.now(): the first touch of `performance` loads perf_hooks
  // (about 1.3 ms of every cold hook and command that logs a query).
  const finish = () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      duration_ms: Math.round(ms * 1000) / 1000,
      completed_at: new Date(createdAt.getTime() + ms).toISOString(),
    };
  };
  let result: T;
  try {
    result = await run();
  } catch (error) {
    await writeQueryLog(ctx, {
      ...base,
      ...finish(),
      status: 'error',
      error_code: isElfError(error) ? error.code : 'INTERNAL',
      error_message: preview(error instanceof Error ? error.message : String(error), 500),
    });
    throw error;
  }
  await writeQueryLog(ctx, { ...base, ...finish(), ...count(result) });
  return result;
}
