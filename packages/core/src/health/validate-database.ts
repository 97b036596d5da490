import { expectedIndexes, expectedTables, ftsTables, latestSchemaVersion, sqliteCause } from '@elf/schema';
import { sql } from 'kysely';
import type { CoreHandle } from '../core-handle.js';

export interface ValidationReport {
  valid: boolean;
  errors: string[];
  warnings: string[];
  checks: {
    integrity: string;
    foreign_keys: string;
    schema_version: { stored: number; expected: number };
    tables: { missing: string[] };
    indexes: { missing: string[] };
    full_text: Record<string, string>;
    counts: Record<string, number>;
  };
}

/**
 * integrity_check, foreign_key_check, the schema version, required tables and indexes, and each
 * full-text index against its table. Read-only; the report says what is wrong, it repairs nothing.
 */
export async function validateDatabase(ctx: CoreHandle): Promise<ValidationReport> {
  const db = ctx.db;
  const errors: string[] = [];
  const warnings: string[] = [];
  const integrityRows = (await sql<{ integrity_check: string }>`pragma integrity_check(20)`.execute(db)).rows;
  const integrity = integrityRows.map((row) => row.integrity_check).join('; ') || 'unknown';
  if (integrity !== 'ok') errors.push(`integrity_check: ${integrity}`);

  const fkRows = (await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(db)).rows;
  const foreignKeys = fkRows.length === 0 ? 'ok' : `${fkRows.length} rows reference missing parents`;
  if (fkRows.length > 0) {
    const tables = [...new Set(fkRows.map((row) => `${row.table} → ${row.parent}`))].join(', ');
    errors.push(`foreign_key_check: ${foreignKeys} (${tables})`);
  }

  const stored = (await sql<{ user_version: number }>`pragma user_version`.execute(db)).rows[0]?.user_version ?? 0;
  if (stored !== latestSchemaVersion) {
    errors.push(`schema version is ${stored}, this ELF expects ${latestSchemaVersion}`);
  }

  const master = (
    await sql<{ type: string; name: string }>`
    select type, name from sqlite_master where type in ('table', 'index')`.execute(db)
  ).rows;
  const names = new Set(master.map((row) => row.name));
  const missingTables = [...expectedTables, ...ftsTables].filter((name) => !names.has(name));
  const missingIndexes = expectedIndexes.filter((name) => !names.has(name));
  if (missingTables.length > 0) errors.push(`missing tables: ${missingTables.join(', ')}`);
  if (missingIndexes.length > 0) warnings.push(`missing indexes: ${missingIndexes.join(', ')}`);

  const fullText: Record<string, string> = {};
  for (const fts of ftsTables.filter((name) => names.has(name))) {
    try {
      await sql`insert into ${sql.table(fts)} (${sql.ref(fts)}, rank) values ('integrity-check', 1)`.execute(db);
      fullText[fts] = 'ok';
    } catch (error) {
      const reason = sqliteCause(error) ?? error;
      const message = reason instanceof Error ? reason.message : String(reason);
      // The FTS5 check is an INSERT command: a read-only connection cannot run it.
      if (/readonly/i.test(message)) {
        fullText[fts] = 'not checked (read-only)';
        continue;
      }
      fullText[fts] = message;
      errors.push(`${fts}: ${message}`);
    }
  }

  const counts: Record<string, number> = {};
  for (const table of expectedTables.filter((name) => names.has(name))) {
    const row = (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0];
    counts[table] = row?.n ?? 0;
  }

  return {
    valid: errors.length === 0,
    errors,
    warnings,
    checks: {
      integrity,
      foreign_keys: foreignKeys,
      schema_version: { stored, expected: latestSchemaVersion },
      tables: { missing: missingTables },
      indexes: { missing: missingIndexes },
      full_text: fullText,
      counts,
    },
  };
}
