import { contextQueries } from '@elf/context';
import { hotQueries } from '@elf/core';
import type { Database } from '@elf/schema';
import { type CompiledQuery, type Kysely, sql } from 'kysely';

export interface ExplainedQuery {
  name: string;
  plan: string[];
  /** Tables this plan reads whole (no index, no FTS match), with their row counts. */
  fullScans: Array<{ table: string; rows: number }>;
}

export interface ExplainReport {
  queries: ExplainedQuery[];
  /** Full scans of tables with at least `largeTableRows` rows: what must never be on the hot path. */
  problems: string[];
}

/** A plan line that reads a whole table: `SCAN t` without an index (subquery and FTS scans are fine). */
export function scannedTable(detail: string): string | null {
  if (/^SCAN \(subquery-\d+\)$/.test(detail)) return null;
  if (/USING (COVERING )?INDEX|VIRTUAL TABLE INDEX/.test(detail)) return null;
  return /^SCAN (\w+)/.exec(detail)?.[1] ?? null;
}

/**
 * EXPLAIN QUERY PLAN for every statement on an agent's hot path — core's queries (capture,
 * listings, search) and the context builder's — with any full scan of a large table reported.
 */
export async function explainHotQueries(
  db: Kysely<Database>,
  options: { largeTableRows?: number } = {},
): Promise<ExplainReport> {
  const large = options.largeTableRows ?? 1000;
  const all: Array<{ name: string; query: CompiledQuery }> = [
    ...hotQueries(db).map((q) => ({ name: `core: ${q.name}`, query: q.query })),
    ...contextQueries(db).map((q) => ({ name: `context: ${q.name}`, query: q.query })),
  ];
  const rowCounts = new Map<string, number>();
  const rowsOf = async (table: string) => {
    if (!rowCounts.has(table)) {
      const counted = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`
        .execute(db)
        .catch(() => null);
      rowCounts.set(table, counted?.rows[0]?.n ?? 0);
    }
    return rowCounts.get(table) ?? 0;
  };
  const queries: ExplainedQuery[] = [];
  const problems: string[] = [];
  for (const { name, query } of all) {
    const { rows } = await db.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
    const plan = rows.map((r) => r.detail);
    const fullScans: ExplainedQuery['fullScans'] = [];
    for (const line of plan) {
      const table = scannedTable(line);
      if (!table) continue;
      const count = await rowsOf(table);
      fullScans.push({ table, rows: count });
      if (count >= large) problems.push(`${name}: full scan of ${table} (${count} rows): ${plan.join(' / ')}`);
    }
    queries.push({ name, plan, fullScans });
  }
  return { queries, problems };
}
