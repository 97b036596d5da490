import { type Kysely, sql } from 'kysely';

// Helpers for migration files. Migrations are history: they spell out their SQL instead of
// importing today's table types or enum lists, so a later change cannot rewrite an old migration.

/** Runs DDL statements one by one on the migration's transaction. */
export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

/** Default for a timestamp column: ISO-8601 UTC with milliseconds. */
export const nowIso = `(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** CHECK that a text column holds an ISO-8601 UTC timestamp (or is null when nullable). */
export function isoCheck(column: string, nullable = false): string {
  const shape = `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*Z'`;
  return nullable ? `CHECK (${column} IS NULL OR ${shape})` : `CHECK (${shape})`;
}

/** CHECK that a column is one of the listed values. */
export function oneOf(column: string, values: readonly string[], nullable = false): string {
  const list = values.map((value) => `'${value}'`).join(', ');
  return nullable ? `CHECK (${column} IS NULL OR ${column} IN (${list}))` : `CHECK (${column} IN (${list}))`;
}

/** CHECK for a domain: lower-case letters, digits, `.`, `_`, `-`; 1..100 characters. */
export function domainCheck(column: string, nullable = false): string {
  const shape = `length(${column}) BETWEEN 1 AND 100 AND ${column} NOT GLOB '*[^a-z0-9._-]*'`;
  return nullable ? `CHECK (${column} IS NULL OR (${shape}))` : `CHECK (${shape})`;
}

/** CHECK that a text column is at most `max` characters (and not empty when required). */
export function lengthCheck(column: string, max: number, nullable = false): string {
  return nullable
    ? `CHECK (${column} IS NULL OR length(${column}) <= ${max})`
    : `CHECK (length(${column}) BETWEEN 1 AND ${max})`;
}

/** The standard pair of timestamp columns. */
export const timestampColumns = `created_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('created_at')},
  updated_at TEXT NOT NULL DEFAULT ${nowIso} ${isoCheck('updated_at')}`;
