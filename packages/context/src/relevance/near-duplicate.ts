import { compareRules, containment, duplicateJaccard, type RuleSignature, ruleSignature } from '@elf/core';

// Rules recur across builds: remember the signatures of recently seen texts.
const signatures = new Map<string, RuleSignature>();

function signatureOf(text: string): RuleSignature {
  let signature = signatures.get(text);
  if (!signature) {
    signature = ruleSignature(text);
    if (signatures.size >= 10_000) signatures.clear();
    signatures.set(text, signature);
  }
  return signature;
}

/**
 * Remembers the rules kept so far and tells whether a new one repeats one of them (core's "same
 * rule?"). A build checks hundreds of rules against hundreds of golden rules, so a new rule is
 * compared only with the kept rules that could be the same rule — all of them:
 *  - same text: the same normalised text (a map);
 *  - similar words (Jaccard ≥ t): by prefix filtering, two word sets with Jaccard ≥ t share a word
 *    among the first |x| − ⌈t·|x|⌉ + 1 words of each, in one fixed order of words (longest first,
 *    which keeps "the" and "to" out of the prefixes);
 *  - contained (the shorter rule's terms, at least 4, are ≥ 90 % in the other): any
 *    s − ⌈0.9·s⌉ + 1 of the shorter rule's s terms include one of the other's. Either rule may be
 *    the shorter, so a kept rule is indexed by all its terms and by such a prefix of them, and a
 *    new one looks up its prefix in the first and all its terms in the second;
 *  - rules with no words at all, compared with every new rule.
 */
export class DuplicateFilter {
  readonly #kept: RuleSignature[] = [];
  readonly #byText = new Map<string, number>();
  /** Kept rules (positions in #kept, ascending) by a word of their word prefix, by any term, by a term of their term prefix. */
  readonly #byWordPrefix = new Map<string, number[]>();
  readonly #byTerm = new Map<string, number[]>();
  readonly #byTermPrefix = new Map<string, number[]>();
  readonly #wordless: number[] = [];

  isDuplicate(text: string): boolean {
    return this.firstRepeated(text) >= 0;
  }

  keep(text: string): void {
    const rule = signatureOf(text);
    const at = this.#kept.push(rule) - 1;
    if (rule.normalised !== '' && !this.#byText.has(rule.normalised)) this.#byText.set(rule.normalised, at);
    if (rule.words.size === 0) this.#wordless.push(at);
    const { words, terms } = prefixesOf(rule);
    for (const word of words) listed(this.#byWordPrefix, word, at);
    for (const term of rule.terms) listed(this.#byTerm, term, at);
    for (const term of terms) listed(this.#byTermPrefix, term, at);
  }

  /** The first kept rule (in the order kept) that `text` repeats, or -1. */
  firstRepeated(text: string): number {
    const rule = signatureOf(text);
    for (const at of this.#near(rule)) if (compareRules(this.#kept[at] as RuleSignature, rule) !== null) return at;
    return -1;
  }

  /** Every kept rule (positions in the order kept) that `text` repeats. */
  repeated(text: string): number[] {
    const rule = signatureOf(text);
    return this.#near(rule).filter((at) => compareRules(this.#kept[at] as RuleSignature, rule) !== null);
  }

  /** The kept rules that could be the same rule as `rule`, in the order kept. */
  #near(rule: RuleSignature): number[] {
    if (this.#kept.length === 0) return [];
    const near = new Set<number>(this.#wordless);
    const same = this.#byText.get(rule.normalised);
    if (same !== undefined) near.add(same);
    const { words, terms } = prefixesOf(rule);
    for (const word of words) for (const at of this.#byWordPrefix.get(word) ?? []) near.add(at);
    for (const term of terms) for (const at of this.#byTerm.get(term) ?? []) near.add(at);
    for (const term of rule.terms) for (const at of this.#byTermPrefix.get(term) ?? []) near.add(at);
    return [...near].sort((a, b) => a - b);
  }
}

function listed(index: Map<string, number[]>, key: string, at: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [at]);
  else if (list[list.length - 1] !== at) list.push(at);
}

const prefixes = new WeakMap<RuleSignature, { words: string[]; terms: string[] }>();

/** How many of n items two sets must keep for an overlap of at least ⌈share·n⌉ to be certain to show. */
const prefixLength = (n: number, share: number) => Math.max(0, Math.min(n, n - Math.ceil(share * n - 1e-9) + 1));

const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

/** A rule's word prefix (for Jaccard) and term prefix (for containment; none under containment.minWords terms). */
function prefixesOf(rule: RuleSignature): { words: string[]; terms: string[] } {
  let found = prefixes.get(rule);
  if (!found) {
    found = {
      words: [...rule.words].sort(longestFirst).slice(0, prefixLength(rule.words.size, duplicateJaccard)),
      terms:
        rule.terms.size < containment.minWords
          ? []
          : [...rule.terms].sort(longestFirst).slice(0, prefixLength(rule.terms.size, containment.share)),
    };
    prefixes.set(rule, found);
  }
  return found;
}
