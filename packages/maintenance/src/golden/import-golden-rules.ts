import {
  auditHeuristic,
  type CoreHandle,
  changeHeuristic,
  cutAtWord,
  findNearDuplicate,
  inferDomain,
  manualChange,
  normaliseRule,
  sanitizeText,
  tokensFor,
} from '@elf/core';
import { type Database, type HeuristicRow, toElfError } from '@elf/schema';
import type { Kysely } from 'kysely';
import type { MarkdownGoldenRule } from '../elf-py/golden-rules-md.js';
import { legacyDomain } from '../elf-py/legacy-values.js';

/** Confidence of a golden rule the file gives none for (and the floor of one it makes golden). */
export const importedGoldenConfidence = 0.95;

export interface GoldenImportOptions {
  /** Plan only: report what would change, write nothing. */
  dryRun?: boolean;
}

export type GoldenImportAction = 'created' | 'updated' | 'unchanged';

export interface GoldenImportResult {
  number: number;
  title: string;
  action: GoldenImportAction;
  /** The heuristic created or matched; null for a rule a dry run would create. */
  id: number | null;
  domain: string;
  /** How an existing heuristic was matched (absent for created rules). */
  matchedBy?: 'same-text' | 'same-title' | 'near-duplicate';
}

export interface GoldenImportReport {
  results: GoldenImportResult[];
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

type Candidate = Pick<
  HeuristicRow,
  'id' | 'rule' | 'domain' | 'is_golden' | 'category' | 'explanation' | 'confidence' | 'status'
>;

const columns = ['id', 'rule', 'domain', 'is_golden', 'category', 'explanation', 'confidence', 'status'] as const;

/** The heuristic a Markdown rule already is: same rule text, a golden rule of the same title, or a near-duplicate. */
async function findMatch(
  trx: Kysely<Database>,
  known: readonly Candidate[],
  rule: string,
  title: string,
  domain: string,
): Promise<{ row: Candidate; by: NonNullable<GoldenImportResult['matchedBy']> } | null> {
  const text = normaliseRule(rule);
  const sameText = known.find((h) => normaliseRule(h.rule) === text);
  if (sameText) return { row: sameText, by: 'same-text' };
  const heading = normaliseRule(title);
  const sameTitle =
    heading === ''
      ? undefined
      : known.find((h) => {
          if (h.is_golden !== 1) return false;
          const own = normaliseRule(h.rule);
          return own === heading || own.startsWith(`${heading} `);
        });
  if (sameTitle) return { row: sameTitle, by: 'same-title' };
  const twin = await findNearDuplicate(trx, { domain, rule, projectPath: null });
  return twin ? { row: twin.heuristic, by: 'near-duplicate' } : null;
}

/**
 * Makes each rule of a golden-rules Markdown file (the original ELF's format) a golden rule here:
 * an existing heuristic that already states it becomes golden (category, the file's "Why" as
 * explanation when it has none, confidence raised to the file's or 0.95, revived if dormant);
 * otherwise a global golden heuristic is created (source `import`). Every change is audited as
 * `imported`; running it again changes nothing. One transaction; a dry run writes nothing.
 */
export async function importGoldenRules(
  ctx: CoreHandle,
  rules: readonly MarkdownGoldenRule[],
  options: GoldenImportOptions = {},
): Promise<GoldenImportReport> {
  const dryRun = options.dryRun ?? false;
  const now = ctx.clock.now().toISOString();
  const run = async (trx: Kysely<Database>): Promise<GoldenImportReport> => {
    const known: Candidate[] = await trx
      .selectFrom('heuristics')
      .select(columns)
      .where('status', 'in', ['active', 'dormant', 'archived'])
      .limit(100_000)
      .execute();
    const results: GoldenImportResult[] = [];
    for (const md of rules) {
      const rule = cutAtWord(sanitizeText(md.rule).replace(/\s+/g, ' ').trim(), 500);
      const title = sanitizeText(md.title).trim();
      if (rule === '') continue;
      const domain = legacyDomain(md.domain) ?? legacyDomain(inferDomain(rule)) ?? 'general';
      const category = md.category ? legacyDomain(md.category) : null;
      const why = md.why ? cutAtWord(sanitizeText(md.why).trim(), 5000) || null : null;
      const target = md.confidence !== null && md.confidence >= 0 && md.confidence <= 1 ? md.confidence : null;
      const match = await findMatch(trx, known, rule, title, domain);
      if (match) {
        const h = match.row;
        const changes = {
          ...(h.is_golden !== 1 ? { is_golden: 1 } : {}),
          ...(category && category !== h.category ? { category } : {}),
          ...(!h.explanation && why ? { explanation: why } : {}),
          ...(h.confidence < (target ?? importedGoldenConfidence)
            ? { confidence: target ?? importedGoldenConfidence }
            : {}),
          ...(h.status !== 'active' ? { status: 'active' as const, status_reason: null, status_changed_at: now } : {}),
        };
        const base = { number: md.number, title, id: h.id, domain: h.domain, matchedBy: match.by };
        if (Object.keys(changes).length === 0) {
          results.push({ ...base, action: 'unchanged' });
          continue;
        }
        results.push({ ...base, action: 'updated' });
        if (dryRun) continue;
        await changeHeuristic(
          trx,
          h,
          { ...changes, updated_at: now },
          {
            ...manualChange(ctx, now),
            type: 'imported',
            reason: `golden rule ${md.number} (${cutAtWord(title, 200)}): ${Object.keys(changes).join(', ')}`,
          },
        );
        Object.assign(h, changes);
        continue;
      }
      const confidence = target ?? importedGoldenConfidence;
      if (dryRun) {
        results.push({ number: md.number, title, action: 'created', id: null, domain });
        continue;
      }
      const row = await trx
        .insertInto('heuristics')
        .values({
          domain,
          rule,
          explanation: why,
          source_type: 'import',
          confidence,
          times_validated: md.validations !== null && md.validations >= 0 ? Math.floor(md.validations) : 0,
          times_violated: md.violations !== null && md.violations >= 0 ? Math.floor(md.violations) : 0,
          is_golden: 1,
          category,
          project_path: null,
          token_count: tokensFor(ctx, 'heuristic', { rule }),
          created_at: now,
          updated_at: now,
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      await auditHeuristic(trx, {
        ...manualChange(ctx, now),
        heuristicId: row.id,
        type: 'imported',
        oldConfidence: confidence,
        newConfidence: confidence,
        reason: `golden rule ${md.number} (${cutAtWord(title, 200)}): created`,
      });
      known.push(row);
      results.push({ number: md.number, title, action: 'created', id: row.id, domain });
    }
    const count = (action: GoldenImportAction) => results.filter((r) => r.action === action).length;
    return { results, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), dryRun };
  };
  try {
    if (dryRun || ctx.db.isTransaction) return await run(ctx.db);
    return await ctx.db.transaction().execute(run);
  } catch (error) {
    throw toElfError(error);
  }
}
