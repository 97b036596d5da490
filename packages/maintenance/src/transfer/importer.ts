import { insertLearningRow, iterateRows } from '@elf/core';
import { type Database, sqliteCause } from '@elf/schema';
import { type Kysely, sql } from 'kysely';
import { identityKey, kindTable, type TransferKind, transferKinds } from './kinds.js';

type Row = Record<string, unknown>;

export interface ImportReport {
  imported: Record<TransferKind, number>;
  /** Records identical to ones already there (same type and content): not imported again. */
  alreadyPresent: Record<TransferKind, number>;
  skipped: Array<{ kind: TransferKind; id: number | null; reason: string }>;
}

const counts = () => Object.fromEntries(transferKinds.map((k) => [k, 0])) as Record<TransferKind, number>;

/**
 * Writes records from another database or an export into this one, inside the caller's
 * transaction: skips records that are already there, remaps ids (old id → new id per kind) so
 * links survive, and sets self-links (superseded_by) once every record is in.
 */
export class Importer {
  readonly report: ImportReport = { imported: counts(), alreadyPresent: counts(), skipped: [] };
  readonly #trx: Kysely<Database>;
  readonly #existing = new Map<TransferKind, Map<string, number>>();
  readonly #ids = new Map<TransferKind, Map<number, number>>();
  readonly #supersede: Array<{ kind: 'heuristic' | 'decision'; id: number; oldTarget: number }> = [];

  constructor(trx: Kysely<Database>) {
    this.#trx = trx;
  }

  /** Indexes the identity of every record already in the database (streamed, a batch at a time). */
  async prepare(): Promise<void> {
    for (const kind of transferKinds) {
      const keys = new Map<string, number>();
      for await (const row of iterateRows(this.#trx, kindTable[kind], { batchSize: 2000 })) {
        keys.set(identityKey[kind](row as Row), (row as { id: number }).id);
      }
      this.#existing.set(kind, keys);
      this.#ids.set(kind, new Map());
    }
  }

  /** The new id of a record imported (or found present) under `oldId`. */
  newId(kind: TransferKind, oldId: number | null | undefined): number | undefined {
    return oldId == null ? undefined : this.#ids.get(kind)?.get(oldId);
  }

  /** Marks a record that is already here (found by content) as the target of `oldId`. */
  alias(kind: TransferKind, oldId: number, id: number): void {
    this.#ids.get(kind)?.set(oldId, id);
  }

  skip(kind: TransferKind, id: number | null, reason: string): void {
    this.report.skipped.push({ kind, id, reason });
  }

  /**
   * Adds one record (its `id` is the source's). Links are source ids and are remapped, unless
   * `linksResolved` says they already are ids here. Returns the id it has here, or null if skipped.
   */
  async add(kind: TransferKind, source: Row, options: { linksResolved?: boolean } = {}): Promise<number | null> {
    const { id: oldIdValue, ...fields } = source;
    const oldId = typeof oldIdValue === 'number' ? oldIdValue : null;
    const row: Row = { ...fields };
    if (!options.linksResolved && !this.#remapLinks(kind, row, oldId)) return null;
    const key = identityKey[kind](row);
    const present = this.#existing.get(kind)?.get(key);
    if (present !== undefined) {
      if (oldId !== null) this.#ids.get(kind)?.set(oldId, present);
      this.report.alreadyPresent[kind]++;
      return present;
    }
    let newId: number;
    try {
      newId = await this.#insert(kind, row);
    } catch (error) {
      this.skip(kind, oldId, (sqliteCause(error) ?? (error as Error)).message.replace(/\s+/g, ' '));
      return null;
    }
    if (oldId !== null) this.#ids.get(kind)?.set(oldId, newId);
    this.report.imported[kind]++;
    return newId;
  }

  #remapLinks(kind: TransferKind, row: Row, oldId: number | null): boolean {
    if (kind === 'heuristic' || kind === 'decision') {
      if (typeof row.superseded_by === 'number' && oldId !== null) {
        this.#supersede.push({ kind, id: oldId, oldTarget: row.superseded_by });
      }
      row.superseded_by = null;
    }
    if (kind === 'cycle') {
      const experiment = this.newId('experiment', row.experiment_id as number);
      if (experiment === undefined) {
        this.skip(kind, oldId, `its experiment #${String(row.experiment_id)} was not imported`);
        return false;
      }
      row.experiment_id = experiment;
      row.heuristic_id = this.newId('heuristic', row.heuristic_id as number) ?? null;
    }
    if (kind === 'violation') {
      const rule = this.newId('heuristic', row.rule_id as number);
      if (rule === undefined) {
        this.skip(kind, oldId, `its golden rule #${String(row.rule_id)} was not imported`);
        return false;
      }
      row.rule_id = rule;
    }
    return true;
  }

  async #insert(kind: TransferKind, row: Row): Promise<number> {
    if (kind === 'learning') return (await insertLearningRow(this.#trx, row as never)).id;
    const inserted = await (this.#trx as Kysely<any>)
      .insertInto(kindTable[kind])
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id as number;
  }

  /** Sets superseded_by links now that every record has its new id. */
  async finish(): Promise<ImportReport> {
    for (const { kind, id, oldTarget } of this.#supersede) {
      const self = this.newId(kind, id);
      const target = this.newId(kind, oldTarget);
      if (self === undefined || target === undefined) continue;
      await sql`update ${sql.table(kindTable[kind])} set superseded_by = ${target} where id = ${self}`.execute(
        this.#trx,
      );
    }
    return this.report;
  }
}
