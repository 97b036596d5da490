import { searchTerms } from './terms.js';
import { normaliseRule, wordSet } from './words.js';

// The one definition of "the same rule in other words", used wherever ELF decides whether a rule
// is new: recording (`elf record heuristic`, [LEARNED] markers, golden-rule imports), the context
// (a rule is shown once) and the import from the original ELF.

/** Why a rule counts as a repeat: same words, nearly the same word set, or one contains the other. */
export type SameRuleMatch = 'same-text' | 'similar-words' | 'contained';

/** Word-set Jaccard at or above which two rules count as the same rule. */
export const duplicateJaccard = 0.8;

/** The shorter rule's content words that must appear in the other (share, and at least). */
export const containment = { share: 0.9, minWords: 4 } as const;

const negation =
  /\b(?:not|no|never|none|nothing|avoid|without|stop|cannot|can't|cant|don't|dont|doesn't|doesnt|shouldn't|shouldnt|mustn't|mustnt|isn't|isnt|aren't|arent|won't|wont)\b/i;

/** Whether a rule is phrased as a prohibition ("never", "don't", "avoid", "not" …). */
export function isNegative(rule: string): boolean {
  return negation.test(rule.replace(/[\u2018\u2019]/g, "'"));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** What a rule is compared by, computed once per rule when it is compared with many. */
export interface RuleSignature {
  negative: boolean;
  normalised: string;
  words: ReadonlySet<string>;
  terms: ReadonlySet<string>;
}

export function ruleSignature(rule: string): RuleSignature {
  return {
    negative: isNegative(rule),
    normalised: normaliseRule(rule),
    words: wordSet(rule),
    terms: new Set(searchTerms(rule, 200)),
  };
}

/** True when ≥ 90 % of the shorter rule's content words (at least 4 of them) appear in the other. */
function contains(a: RuleSignature, b: RuleSignature): boolean {
  const [short, long] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
  if (short.size < containment.minWords) return false;
  let shared = 0;
  for (const word of short) if (long.has(word)) shared++;
  return shared >= containment.share * short.size;
}

/** How `b` repeats `a`, or null when they are different rules (a rule and its negation always are). */
export function compareRules(a: RuleSignature, b: RuleSignature): SameRuleMatch | null {
  // "Use mocks for X" and "Do not use mocks for X" share nearly every word and say the opposite.
  if (a.negative !== b.negative) return null;
  if (a.normalised !== '' && a.normalised === b.normalised) return 'same-text';
  // Jaccard is at most min/max of the sizes: most pairs are ruled out without comparing words.
  const [small, large] = a.words.size < b.words.size ? [a.words.size, b.words.size] : [b.words.size, a.words.size];
  if (small >= duplicateJaccard * large && jaccard(a.words, b.words) >= duplicateJaccard) return 'similar-words';
  return contains(a, b) ? 'contained' : null;
}

/** How `candidate` repeats `rule`, or null when it is a different rule. */
export function sameRule(rule: string, candidate: string): SameRuleMatch | null {
  return compareRules(ruleSignature(rule), ruleSignature(candidate));
}
