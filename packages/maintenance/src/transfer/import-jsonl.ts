import type { Database } from '@elf/schema';
import { ElfError } from '@elf/schema';
import type { Kysely } from 'kysely';
import { type ExportHeader, exportFormat } from './export-jsonl.js';
import { Importer, type ImportReport } from './importer.js';
import { type TransferKind, transferKinds } from './kinds.js';

const isKind = (value: unknown): value is TransferKind => transferKinds.includes(value as TransferKind);

/**
 * A heuristic exported before heuristics had an origin (no origin_path) carries the old default
 * scope, the project it was recorded in: it arrives global with that project as its origin, as
 * the migration 2026_12_03_000900_heuristic_scope makes the rows of an existing database.
 */
function currentShape(kind: TransferKind, row: Record<string, unknown>): Record<string, unknown> {
  if (kind !== 'heuristic' || 'origin_path' in row) return row;
  return { ...row, project_path: null, origin_path: row.project_path ?? null };
}

/**
 * Imports an export (`lines`: the file's lines, streamed). The header is checked before anything
 * is written; everything is written in one IMMEDIATE transaction, so a file that turns out not to
 * be an ELF export changes nothing. Records already present are skipped; the rest get new ids
 * and their links follow.
 */
export async function importJsonl(
  db: Kysely<Database>,
  lines: AsyncIterable<string>,
  options: { onProgress?: (done: number) => void } = {},
): Promise<ImportReport> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: Partial<ExportHeader> = {};
  try {
    header = first.done ? {} : (JSON.parse(first.value) as Partial<ExportHeader>);
  } catch {
    // reported below
  }
  if (header.format !== exportFormat) {
    throw new ElfError('INVALID_INPUT', 'file: not an ELF export (the first line must be its elf-export header)', {
      field: 'file',
    });
  }
  return db.transaction().execute(async (trx) => {
    const importer = new Importer(trx);
    await importer.prepare();
    let lineNumber = 1;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      lineNumber++;
      if (next.value.trim() === '') continue;
      let line: { kind?: unknown; id?: unknown; row?: unknown };
      try {
        line = JSON.parse(next.value);
      } catch {
        throw new ElfError('INVALID_INPUT', `file: line ${lineNumber} is not JSON`, { field: 'file' });
      }
      if (!isKind(line.kind) || typeof line.row !== 'object' || line.row === null) {
        throw new ElfError('INVALID_INPUT', `file: line ${lineNumber} is not an ELF record`, { field: 'file' });
      }
      await importer.add(line.kind, { ...currentShape(line.kind, line.row as Record<string, unknown>), id: line.id });
      if (lineNumber % 1000 === 0) options.onProgress?.(lineNumber);
    }
    return importer.finish();
  });
}
