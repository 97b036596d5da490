import type { Database, HeuristicRow } from '@elf/schema';
import { type Kysely, sql } from 'kysely';
import { ftsMatchExpression } from '../search/fts-query.js';
import { compareRules, ruleSignature, type SameRuleMatch } from '../text/same-rule.js';

// The active heuristic a new rule repeats, by the text module's one definition of "the same
// rule", so `elf record heuristic`, [LEARNED] markers and `elf golden import` agree.

export interface NearDuplicateQuery {
  domain: string;
  rule: string;
  /** The new rule's scope: a project root (its own and global rules are compared) or null (global only). */
  projectPath: string | null;
}

export interface NearDuplicate {
  heuristic: HeuristicRow;
  match: SameRuleMatch;
}

const strength: Record<SameRuleMatch, number> = { 'same-text': 0, 'similar-words': 1, contained: 2 };

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
  const wanted = ruleSignature(rule);
  let best: NearDuplicate | null = null;
  for (const row of candidates.rows) {
    const kind = compareRules(wanted, ruleSignature(row.rule));
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
