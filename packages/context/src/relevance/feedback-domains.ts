import type { RelevanceWeights } from '../config.js';
import type { FeedbackDocument } from './expansion.js';

/**
 * Domains the task is evidently about, read off its strongest matches: each match covering at
 * least `feedbackMinCoverage` of the task votes for its domain with its coverage; the domains
 * with at least half the top vote count (at most `feedbackDomains`). This finds the domain of
 * "logged out after leaving a tab open" from a past failure about refresh tokens, so the domain's
 * best rules come along even when they share no word with the task.
 */
export function feedbackDomains(
  matches: ReadonlyArray<FeedbackDocument & { domain: string | null }>,
  w: RelevanceWeights,
): string[] {
  const votes = new Map<string, number>();
  for (const { domain, coverage } of matches)
    if (domain && coverage >= w.feedbackMinCoverage) votes.set(domain, (votes.get(domain) ?? 0) + coverage);
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, v]) => v >= top / 2)
    .slice(0, w.feedbackDomains)
    .map(([domain]) => domain);
}
