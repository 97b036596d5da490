import { iterateRows } from '@elf/core';
import { type Database, latestSchemaVersion } from '@elf/schema';
import type { Kysely } from 'kysely';
import { kindTable, type TransferKind, transferKinds } from './kinds.js';

export const exportFormat = 'elf-export';
export const exportVersion = 1;

export interface ExportHeader {
  format: typeof exportFormat;
  version: number;
  schema_version: number;
  exported_at: string;
}

/** A line of an export: the header, or one record with its source id. */
export type ExportLine = ExportHeader | { kind: TransferKind; id: number; row: Record<string, unknown> };

export type Sink = (chunk: string) => void | Promise<void>;

/**
 * Writes every knowledge record as JSON Lines: a header, then one record per line, streamed a
 * batch at a time (memory stays flat whatever the size). Links are source ids; import remaps them.
 */
export async function exportJsonl(
  db: Kysely<Database>,
  write: Sink,
  options: { now?: Date; onProgress?: (kind: TransferKind, done: number) => void } = {},
): Promise<Record<TransferKind, number>> {
  const header: ExportHeader = {
    format: exportFormat,
    version: exportVersion,
    schema_version: latestSchemaVersion,
    exported_at: (options.now ?? new Date()).toISOString(),
  };
  await write(`${JSON.stringify(header)}\n`);
  const counts = {} as Record<TransferKind, number>;
  for (const kind of transferKinds) {
    counts[kind] = 0;
    for await (const record of iterateRows(db, kindTable[kind], { batchSize: 1000 })) {
      const { id, ...row } = record as Record<string, unknown> & { id: number };
      await write(`${JSON.stringify({ kind, id, row })}\n`);
      counts[kind]++;
      if (counts[kind] % 1000 === 0) options.onProgress?.(kind, counts[kind]);
    }
  }
  return counts;
}
