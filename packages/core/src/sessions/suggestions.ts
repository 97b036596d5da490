import type { CoreHandle } from '../core-handle.js';
import { qualifiesForGolden } from '../lifecycle/confidence.js';
import { toHeuristic } from '../mappers.js';
import { appliesToProject } from '../queries/project-scope.js';
import type { Heuristic } from '../types.js';

/** A rule of thumb a session's shape suggests (rule-based, no LLM), for check-out. */
export interface SuggestedHeuristic {
  domain: string;
  rule: string;
  why: string;
}

/**
 * Rules the original ELF's check-out drew from a session's tool counts, plus one for repeated
 * failures of the same tool: heuristics worth recording when the session shows the pattern.
 */
export function suggestHeuristics(
  tools: Readonly<Record<string, { calls: number; failures: number }>>,
): SuggestedHeuristic[] {
  const calls = (name: string) => tools[name]?.calls ?? 0;
  const edits = calls('Edit') + calls('MultiEdit') + calls('Write');
  const suggestions: SuggestedHeuristic[] = [];
  if (edits > 5 && calls('Bash') > 3) {
    suggestions.push({
      domain: 'testing',
      rule: 'Run the tests after every few file edits instead of once at the end',
      why: `${edits} edits and ${calls('Bash')} shell commands in one session`,
    });
  }
  if (calls('Read') > 10 && calls('Grep') + calls('Glob') < 3) {
    suggestions.push({
      domain: 'workflow',
      rule: 'Search with grep or glob before reading many files one by one',
      why: `${calls('Read')} reads and ${calls('Grep') + calls('Glob')} searches`,
    });
  }
  for (const [tool, { failures }] of Object.entries(tools)) {
    if (failures >= 3) {
      suggestions.push({
        domain: 'workflow',
        rule: `When ${tool} fails twice, stop and read the error before retrying`,
        why: `${tool} failed ${failures} times in one session`,
      });
    }
  }
  return suggestions;
}

/**
 * Active, non-golden heuristics of this project (or global) at or near the golden-rule
 * thresholds: those that qualify first, then the closest.
 */
export async function promotionCandidates(ctx: CoreHandle, limit = 10): Promise<Heuristic[]> {
  const rows = await ctx.db
    .selectFrom('heuristics')
    .selectAll()
    .where('is_golden', '=', 0)
    .where('status', '=', 'active')
    .where('confidence', '>=', 0.8)
    .where('times_validated', '>=', 5)
    .where(appliesToProject(ctx.projectPath))
    .orderBy('confidence', 'desc')
    .orderBy('times_validated', 'desc')
    .limit(200)
    .execute();
  const qualifying = rows.filter((h) => qualifiesForGolden(h));
  const near = rows.filter((h) => !qualifiesForGolden(h));
  return [...qualifying, ...near].slice(0, limit).map(toHeuristic);
}
