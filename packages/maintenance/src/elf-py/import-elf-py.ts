import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareRules, type RuleSignature, ruleSignature } from '@elf/core';
import { type Database, ElfError, openForeignDatabase } from '@elf/schema';
import { type Kysely, sql } from 'kysely';
import { Importer, type ImportReport } from '../transfer/importer.js';
import type { TransferKind } from '../transfer/kinds.js';
import { parseGoldenRulesMarkdown } from './golden-rules-md.js';
import { fitText, legacyDomain } from './legacy-values.js';
import {
  type Mapped,
  mapAssumption,
  mapCeoReview,
  mapCycle,
  mapDecision,
  mapExperiment,
  mapHeuristic,
  mapInvariant,
  mapLearning,
  mapSpikeReport,
  mapViolation,
  type Note,
} from './map-rows.js';

type Row = Record<string, unknown>;

export interface ElfPyImportReport extends ImportReport {
  base: string;
  /** Tables of the original that were found, with their row counts. */
  found: Record<string, number>;
  /** Golden rules of golden-rules.md: matched to a heuristic, or created from the Markdown. */
  goldenRules: { file: string | null; matched: number; created: number };
  adjusted: Array<{ kind: TransferKind; id: number | null; note: string }>;
}

const sources: Array<{ table: string; kind: TransferKind; map: (r: Row, now: string, note: Note) => Mapped }> = [
  { table: 'heuristics', kind: 'heuristic', map: mapHeuristic },
  { table: 'learnings', kind: 'learning', map: mapLearning },
  { table: 'decisions', kind: 'decision', map: mapDecision },
  { table: 'invariants', kind: 'invariant', map: mapInvariant },
  { table: 'assumptions', kind: 'assumption', map: mapAssumption },
  { table: 'spike_reports', kind: 'spike_report', map: mapSpikeReport },
  { table: 'experiments', kind: 'experiment', map: mapExperiment },
  { table: 'cycles', kind: 'cycle', map: mapCycle },
  { table: 'ceo_reviews', kind: 'ceo_review', map: mapCeoReview },
];

async function* rowsOf(db: Kysely<any>, table: string, hasId: boolean): AsyncGenerator<Row> {
  if (!hasId) {
    for (const row of await db.selectFrom(table).selectAll().execute()) yield row as Row;
    return;
  }
  let last = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const batch = (await db
      .selectFrom(table)
      .selectAll()
      .where('id', '>', last)
      .orderBy('id')
      .limit(1000)
      .execute()) as Row[];
    for (const row of batch) yield row;
    if (batch.length < 1000) return;
    last = batch[batch.length - 1]?.id as number;
  }
}

export interface ElfPyImportOptions {
  /** The original's installation: <base>/memory/index.db and <base>/memory/golden-rules.md. */
  base: string;
  now?: Date;
  onProgress?: (table: string, done: number, total: number) => void;
}

/**
 * Imports an installation of the original Python ELF: every knowledge table its database has
 * (any schema version; missing tables and columns are tolerated), and golden-rules.md, whose
 * rules are matched to heuristics (or created) and become golden. Violations name rules by their
 * number in that file. Runs in one IMMEDIATE transaction; records already present are skipped,
 * so running it twice imports nothing new.
 */
export async function importElfPy(target: Kysely<Database>, options: ElfPyImportOptions): Promise<ElfPyImportReport> {
  const dbPath = join(options.base, 'memory', 'index.db');
  if (!existsSync(dbPath)) {
    throw new ElfError('NOT_FOUND', `base: no ELF database at ${dbPath}`, { field: 'base' });
  }
  const mdPath = join(options.base, 'memory', 'golden-rules.md');
  const markdown = existsSync(mdPath) ? parseGoldenRulesMarkdown(readMarkdown(mdPath)) : [];
  const now = (options.now ?? new Date()).toISOString();
  const source = await openForeignDatabase(dbPath);
  try {
    const tables = await source.tables();
    const found: Record<string, number> = {};
    for (const name of [...sources.map((s) => s.table), 'violations']) {
      if (!tables.has(name)) continue;
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(source.db);
      found[name] = rows[0]?.n ?? 0;
    }
    return await target.transaction().execute(async (trx) => {
      const importer = new Importer(trx);
      await importer.prepare();
      const adjusted: ElfPyImportReport['adjusted'] = [];
      let golden: GoldenMerge = { byNumber: new Map(), matched: 0, created: 0 };
      for (const { table, kind, map } of sources) {
        if (!tables.has(table)) continue;
        let done = 0;
        for await (const raw of rowsOf(source.db, table, tables.get(table)?.has('id') ?? false)) {
          const id = typeof raw.id === 'number' ? raw.id : null;
          const mapped = map(raw, now, (note) => adjusted.push({ kind, id, note }));
          if ('skip' in mapped) importer.skip(kind, id, mapped.skip);
          else await importer.add(kind, mapped.row);
          if (++done % 200 === 0) options.onProgress?.(table, done, found[table] ?? done);
        }
        options.onProgress?.(table, done, found[table] ?? done);
        if (kind === 'heuristic') golden = await mergeGoldenRules(trx, importer, markdown, now);
      }
      if (tables.has('violations')) {
        for await (const raw of rowsOf(source.db, 'violations', tables.get('violations')?.has('id') ?? false)) {
          const id = typeof raw.id === 'number' ? raw.id : null;
          const rule = golden.byNumber.get(Number(raw.rule_id));
          if (rule === undefined) {
            importer.skip(
              'violation',
              id,
              `rule ${String(raw.rule_id)} is not a rule of ${markdown.length ? 'golden-rules.md' : 'a golden-rules.md (none found)'}`,
            );
            continue;
          }
          const mapped = mapViolation({ ...raw, rule_id: rule }, now);
          if ('row' in mapped) await importer.add('violation', mapped.row, { linksResolved: true });
        }
      }
      const report = await importer.finish();
      return {
        ...report,
        base: options.base,
        found,
        goldenRules: { file: markdown.length ? mdPath : null, matched: golden.matched, created: golden.created },
        adjusted,
      };
    });
  } finally {
    await source.close();
  }
}

/** Golden-rules.md rule number → heuristic id here, and what the merge did. */
interface GoldenMerge {
  byNumber: Map<number, number>;
  matched: number;
  created: number;
}

/**
 * Each rule of golden-rules.md becomes golden here: the heuristic with the same (or nearly the
 * same, word-set Jaccard ≥ 0.8) rule text, or a new golden heuristic built from the Markdown.
 */
async function mergeGoldenRules(
  trx: Kysely<Database>,
  importer: Importer,
  rules: ReturnType<typeof parseGoldenRulesMarkdown>,
  now: string,
): Promise<GoldenMerge> {
  const result: GoldenMerge = { byNumber: new Map(), matched: 0, created: 0 };
  if (rules.length === 0) return result;
  const candidates = await trx
    .selectFrom('heuristics')
    .select(['id', 'rule', 'is_golden', 'category'])
    .limit(100_000)
    .execute();
  // Each heuristic's signature is computed once, and only when some rule has no exact twin.
  let signatures: RuleSignature[] | undefined;
  for (const md of rules) {
    let match = candidates.find((h) => h.rule.trim().toLowerCase() === md.rule.trim().toLowerCase());
    if (!match) {
      signatures ??= candidates.map((h) => ruleSignature(h.rule));
      const wanted = ruleSignature(md.rule);
      const index = signatures.findIndex((s) => compareRules(s, wanted) !== null);
      match = index >= 0 ? candidates[index] : undefined;
    }
    if (match) {
      await trx
        .updateTable('heuristics')
        .set({ is_golden: 1, category: match.category ?? md.category })
        .where('id', '=', match.id)
        .execute();
      result.byNumber.set(md.number, match.id);
      result.matched++;
      continue;
    }
    const id = await importer.add('heuristic', {
      domain: legacyDomain(md.domain) ?? 'general',
      rule: fitText(md.rule, 500).text,
      explanation: md.why,
      source_type: 'import',
      confidence: md.confidence ?? 0.9,
      times_validated: md.validations ?? 0,
      times_violated: md.violations ?? 0,
      is_golden: 1,
      category: md.category,
      project_path: null,
      created_at: now,
      updated_at: now,
    });
    if (id !== null) {
      result.byNumber.set(md.number, id);
      result.created++;
    }
  }
  return result;
}

function readMarkdown(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ElfError('INVALID_INPUT', `base: cannot read ${path}: ${(error as Error).message}`, {
      field: 'base',
      cause: error,
    });
  }
}
