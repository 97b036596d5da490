import { contextQueries } from '@elf/context';
import { createPageIndexes, hotQueries } from '@elf/core';
import type { Database } from '@elf/schema';
import { type CompiledQuery, type Kysely, sql } from 'kysely';

export interface ExplainedQuery {
  name: string;
  plan: string[];
  /** Tables this plan reads whole (no index, no FTS match), with their row counts. */
  fullScans: Array<{ table: string; rows: number }>;
  /** Tables whose matching rows are sorted in a temporary b-tree instead of read in index order. */
  sorts: Array<{ table: string; rows: number }>;
}

export interface ExplainReport {
  queries: ExplainedQuery[];
  /**
   * Full scans, and sorts of rows read from, tables with at least `largeTableRows` rows: what
   * must never be on the hot path (a sort of a large table's rows reads them all to return a few).
   */
  problems: string[];
}

/** A plan line that reads a whole table: `SCAN t` without an index (subquery and FTS scans are fine). */
export function scannedTable(detail: string): string | null {
  if (/^SCAN \(subquery-\d+\)$/.test(detail)) return null;
  if (/USING (COVERING )?INDEX|VIRTUAL TABLE INDEX/.test(detail)) return null;
  return /^SCAN (\w+)/.exec(detail)?.[1] ?? null;
}

const notAliases = new Set([
  'where',
  'join',
  'on',
  'left',
  'inner',
  'cross',
  'order',
  'group',
  'limit',
  'union',
  'using',
]);

/** Table names by the names a statement gives them (`from learnings t` → t: learnings). */
export function tableAliases(statement: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of statement.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const table = match[1] as string;
    aliases.set(table, table);
    const alias = match[2];
    if (alias && !notAliases.has(alias.toLowerCase())) aliases.set(alias, table);
  }
  return aliases;
}

/** The table a plan line reads (SEARCH or SCAN of a real table, not a subquery or FTS index). */
function readTable(detail: string): string | null {
  if (/VIRTUAL TABLE INDEX|\(subquery-\d+\)/.test(detail)) return null;
  return /^(?:SEARCH|SCAN) (\w+)/.exec(detail)?.[1] ?? null;
}

/**
 * EXPLAIN QUERY PLAN for every statement on an agent's hot path — core's queries (capture,
 * listings, search) and the context builder's — with any full scan of a large table, or sort of
 * its rows, reported. Queries in `allowSorts` may sort (say why where you pass them).
 */
export async function explainHotQueries(
  db: Kysely<Database>,
  options: { largeTableRows?: number; allowSorts?: readonly string[] } = {},
): Promise<ExplainReport> {
  const large = options.largeTableRows ?? 1000;
  const allowSorts = new Set(options.allowSorts ?? defaultAllowedSorts);
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
  await createPageIndexes(db); // the TEMP indexes search's page statement reads
  for (const { name, query } of all) {
    const { rows } = await db.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
    const plan = rows.map((r) => r.detail);
    const aliases = tableAliases(query.sql);
    const fullScans: ExplainedQuery['fullScans'] = [];
    const sorts: ExplainedQuery['sorts'] = [];
    let lastRead: string | null = null;
    // Subqueries the plan reads as co-routines (`CO-ROUTINE d` … `SCAN d`) are not tables.
    const coroutines = new Set(plan.flatMap((line) => /^CO-ROUTINE (\w+)$/.exec(line)?.[1] ?? []));
    for (const line of plan) {
      const scanned = scannedTable(line);
      if (scanned && !coroutines.has(scanned)) {
        const table = aliases.get(scanned) ?? scanned;
        const count = await rowsOf(table);
        fullScans.push({ table, rows: count });
        if (count >= large) problems.push(`${name}: full scan of ${table} (${count} rows): ${plan.join(' / ')}`);
      }
      const read = readTable(line);
      if (read && coroutines.has(read)) lastRead = null;
      else if (read) lastRead = aliases.get(read) ?? read;
      else if (/^SCAN \(subquery-\d+\)$/.test(line)) lastRead = null;
      if (/^USE TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY/.test(line) && lastRead) {
        const count = await rowsOf(lastRead);
        sorts.push({ table: lastRead, rows: count });
        if (count >= large && !allowSorts.has(name)) {
          problems.push(
            `${name}: sorts rows of ${lastRead} (${count} rows) instead of reading an index in order: ${plan.join(' / ')}`,
          );
        }
      }
    }
    queries.push({ name, plan, fullScans, sorts });
  }
  return { queries, problems };
}

/**
 * Sorts that are bounded by something more selective than the table: rows with the task's tags
 * (one tag's learnings are few next to the table, and the primary key finds them).
 */
export const defaultAllowedSorts = ['core: learnings by tags', 'context: taggedLearnings'];
