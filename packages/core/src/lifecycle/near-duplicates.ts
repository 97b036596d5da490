import type { Database, HeuristicRow } from '@elf/schema';
import { type Kysely, sql } from 'kysely';
import { ftsMatchExpression, searchTerms } from '../search/fts-query.js';
import { duplicateJaccard, jaccard, wordSet } from '../text/similarity.js';

// One definition of "the same rule again", shared by `elf record heuristic`, [LEARNED] markers and
// `elf golden import`, so every way in agrees on what is new knowledge and what is a repeat.

/** Why a rule counts as a repeat: same words, nearly the same word set, or one contains the other. */
export type NearDuplicateMatch = 'same-text' | 'similar-words' | 'contained';

export interface NearDuplicateQuery {
  domain: string;
  rule: string;
  /** The new rule's scope: a project root (its own and global rules are compared) or null (global only). */
  projectPath: string | null;
}

export interface NearDuplicate {
  heuristic: HeuristicRow;
  match: NearDuplicateMatch;
}

/** The shorter rule's significant words that must appear in the other (share, and at least). */
export const containment = { share: 0.9, minWords: 4 } as const;

/** Lower-cased words without diacritics or punctuation, single-spaced: "Don't  push!" → "don t push". */
export function normaliseRule(text: string): string {
  const lower = text.toLowerCase();
  const plain = /[^ -~\s]/.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
  return plain
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** True when ≥ 90 % of the shorter text's significant words (at least 4 of them) appear in the other. */
export function containsMostWords(a: string, b: string): boolean {
  const [short, long] = [new Set(searchTerms(a, 200)), new Set(searchTerms(b, 200))].sort((x, y) => x.size - y.size);
  if (!short || !long || short.size < containment.minWords) return false;
  let shared = 0;
  for (const word of short) if (long.has(word)) shared++;
  return shared >= containment.share * short.size;
}

const negation =
  /\b(?:not|no|never|none|nothing|avoid|without|stop|cannot|can't|cant|don't|dont|doesn't|doesnt|shouldn't|shouldnt|mustn't|mustnt|isn't|isnt|aren't|arent|won't|wont)\b/i;

/** Whether a rule is phrased as a prohibition ("never", "don't", "avoid", "not" …). */
export function isNegative(rule: string): boolean {
  return negation.test(rule.replace(/[\u2018\u2019]/g, "'"));
}

/** How `candidate` repeats `rule`, or null when it is a different rule. */
export function duplicateMatch(rule: string, candidate: string): NearDuplicateMatch | null {
  // "Use mocks for X" and "Do not use mocks for X" share nearly every word and say the opposite.
  if (isNegative(rule) !== isNegative(candidate)) return null;
  const normalised = normaliseRule(rule);
  if (normalised !== '' && normalised === normaliseRule(candidate)) return 'same-text';
  if (jaccard(wordSet(rule), wordSet(candidate)) >= duplicateJaccard) return 'similar-words';
  return containsMostWords(rule, candidate) ? 'contained' : null;
}

const strength: Record<NearDuplicateMatch, number> = { 'same-text': 0, 'similar-words': 1, contained: 2 };

const scoped = (projectPath: string | null) =>
  projectPath === null ? sql`t.project_path is null` : sql`(t.project_path is null or t.project_path = ${projectPath})`;

/**
 * The active heuristic of the domain (this project's or a global one) that nearly repeats `rule`,
 * the closest match first, then the most confident. Candidates: the 20 rules of the domain that
 * share the most words with it (full-text index on the rule column).
 */
export async function findNearDuplicate(
  db: Kysely<Database>,
  query: NearDuplicateQuery,
): Promise<NearDuplicate | null> {
  const { domain, rule, projectPath } = query;
  // The rule column's full-text index finds the rules sharing the most words: a twin is among
  // them. Scanning the domain instead costs O(rules in the domain) per record (measured: record
  // heuristic 2× slower at 200 heuristics); it remains only for a rule without searchable words.
  const match = ftsMatchExpression(rule);
  const candidates = match
    ? await sql<HeuristicRow>`
      select t.* from heuristics_fts f join heuristics t on t.id = f.rowid
      where heuristics_fts match ${`rule : (${match})`} and t.domain = ${domain} and t.status = 'active'
        and ${scoped(projectPath)}
      order by f.rank limit 20`.execute(db)
    : await sql<HeuristicRow>`
      select t.* from heuristics t where t.domain = ${domain} and t.status = 'active' and ${scoped(projectPath)}
      order by t.confidence desc limit 200`.execute(db);
  let best: NearDuplicate | null = null;
  for (const row of candidates.rows) {
    const kind = duplicateMatch(rule, row.rule);
    if (kind === null) continue;
    if (
      best === null ||
      strength[kind] < strength[best.match] ||
      (strength[kind] === strength[best.match] && row.confidence > best.heuristic.confidence)
    )
      best = { heuristic: row, match: kind };
  }
  return best;
}
