import type { CoreContext } from '../context.js';
import { appliesToProject } from '../queries/project-scope.js';
import { type AppliedOutcome, applyOutcome } from './apply-outcome.js';

/** Words that say nothing about what a rule is about. */
const stopWords = new Set(
  'a an and are as at be but by do does for from has have if in into is it its not of on or so than that the then there these this to too use using was were when where which while with always never should must dont avoid prefer before after every any all can may'.split(
    ' ',
  ),
);

/** A rule's significant words: lower-case, 3+ letters, no stop words. */
export function significantWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_]{3,}/gu) ?? [];
  // A light plural fold, so "migrations" in a task matches "migration" in a rule.
  return new Set(words.filter((w) => !stopWords.has(w)).map((w) => (w.length > 4 ? w.replace(/s$/, '') : w)));
}

/** A task matches a dormant rule strongly when it contains ≥ 70 % of the rule's significant words (≥ 3). */
export const strongMatch = { minShare: 0.7, minWords: 3 } as const;

export function matchesStrongly(rule: string, taskWords: ReadonlySet<string>): boolean {
  const words = significantWords(rule);
  if (words.size < strongMatch.minWords) return false;
  let found = 0;
  for (const word of words) if (taskWords.has(word)) found++;
  return found >= strongMatch.minWords && found / words.size >= strongMatch.minShare;
}

/**
 * Revives the dormant heuristics (of this project or global) that a task's text matches strongly,
 * so the context built next can offer them again. Only those put to sleep by disuse: a heuristic
 * whose own record shows it failed more often than it held stays dormant until a person revives
 * it. Archived heuristics stay archived (a person revives those).
 */
export async function reviveMatching(ctx: CoreContext, text: string, limit = 3): Promise<AppliedOutcome[]> {
  const taskWords = significantWords(text.slice(0, 20_000));
  if (taskWords.size === 0) return [];
  // Dormant heuristics are few (usually none): read them by the status index and match in memory.
  // A full-text OR over every word of a prompt cost 10-15 ms per hook at 10k heuristics.
  const rows = await ctx.db
    .selectFrom('heuristics')
    .select(['id', 'rule'])
    .where('status', '=', 'dormant')
    .where((eb) => eb(eb('times_violated', '+', eb.ref('times_contradicted')), '<=', eb.ref('times_validated')))
    .where(appliesToProject(ctx.projectPath))
    .orderBy('last_used_at', 'desc')
    .limit(2000)
    .execute();
  const revived: AppliedOutcome[] = [];
  for (const row of rows) {
    if (revived.length >= limit || !matchesStrongly(row.rule, taskWords)) continue;
    const result = await applyOutcome(ctx, {
      heuristicId: row.id,
      event: 'revived',
      source: 'system',
      reason: `a task matched it: ${text.slice(0, 120)}`,
    });
    if (result) revived.push(result);
  }
  return revived;
}
