import type { CoreHandle } from '../core-handle.js';
import { appliesToProject } from '../queries/project-scope.js';
import { subjectWords } from '../text/terms.js';
import { type AppliedOutcome, applyOutcome } from './apply-outcome.js';

/** A task matches a dormant rule strongly when it contains ≥ 70 % of the rule's subject words (≥ 3). */
export const strongMatch = { minShare: 0.7, minWords: 3 } as const;

export function matchesStrongly(rule: string, taskWords: ReadonlySet<string>): boolean {
  const words = subjectWords(rule);
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
export async function reviveMatching(ctx: CoreHandle, text: string, limit = 3): Promise<AppliedOutcome[]> {
  const taskWords = subjectWords(text.slice(0, 20_000));
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
