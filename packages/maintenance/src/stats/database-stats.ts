import { statSync } from 'node:fs';
import type { ElfDatabase } from '@elf/schema';
import { sql } from 'kysely';

export interface TableStats {
  name: string;
  rows: number | null;
  /** Bytes in the table's own pages (dbstat), FTS shadow tables included under their FTS table. */
  tableBytes: number;
  /** Bytes in its indexes. */
  indexBytes: number;
}

export interface DatabaseStats {
  path: string;
  fileBytes: number;
  walBytes: number;
  pageSize: number;
  pageCount: number;
  freelistCount: number;
  tables: TableStats[];
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Rows per table, table and index sizes (dbstat), pages, free pages and the WAL's size. */
export async function databaseStats(handle: ElfDatabase): Promise<DatabaseStats> {
  const db = handle.db;
  const master = (
    await sql<{ name: string; type: string; tbl_name: string; sql: string | null }>`
      select name, type, tbl_name, sql from sqlite_master where type in ('table', 'index')`.execute(db)
  ).rows;
  const sizes = new Map(
    (
      await sql<{ name: string; bytes: number }>`select name, sum(pgsize) as bytes from dbstat group by name`.execute(
        db,
      )
    ).rows.map((r) => [r.name, r.bytes]),
  );
  const virtual = new Set(master.filter((m) => /create virtual table/i.test(m.sql ?? '')).map((m) => m.name));
  // FTS5 keeps its index in shadow tables named <fts>_data, _idx, _docsize, _config, _content.
  const owner = (name: string) => {
    for (const fts of virtual) if (name.startsWith(`${fts}_`)) return fts;
    return name;
  };
  const tables = new Map<string, TableStats>();
  for (const m of master.filter((x) => x.type === 'table' && !x.name.startsWith('sqlite_'))) {
    const name = owner(m.name);
    const entry = tables.get(name) ?? { name, rows: null, tableBytes: 0, indexBytes: 0 };
    entry.tableBytes += sizes.get(m.name) ?? 0;
    tables.set(name, entry);
  }
  for (const m of master.filter((x) => x.type === 'index')) {
    const entry = tables.get(owner(m.tbl_name));
    if (entry) entry.indexBytes += sizes.get(m.name) ?? 0;
  }
  for (const entry of tables.values()) {
    if (virtual.has(entry.name) || entry.name.endsWith('_vocab')) continue;
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(entry.name)}`.execute(db);
    entry.rows = rows[0]?.n ?? 0;
  }
  const pragma = (name: string) => Number(handle.pragma(name) ?? 0);
  return {
    path: handle.path,
    fileBytes: handle.path === ':memory:' ? 0 : fileSize(handle.path),
    walBytes: handle.path === ':memory:' ? 0 : fileSize(`${handle.path}-wal`),
    pageSize: pragma('page_size'),
    pageCount: pragma('page_count'),
    freelistCount: pragma('freelist_count'),
    tables: [...tables.values()].sort((a, b) => b.tableBytes + b.indexBytes - (a.tableBytes + a.indexBytes)),
  };
}
