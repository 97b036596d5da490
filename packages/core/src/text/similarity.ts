// Near-duplicate text: normalised word sets compared by Jaccard. One definition for the context
// (rules shown once), imports (golden-rules.md matched to heuristics) and recording.

/** Word-set Jaccard at or above which two rules count as the same rule. */
export const duplicateJaccard = 0.8;

/** Lower-cased words without diacritics or punctuation. */
export function wordSet(text: string): Set<string> {
  const lower = text.toLowerCase();
  // ASCII text (most of it) has no diacritics to strip.
  const plain = /[^ -~\s]/.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
  return new Set(plain.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** True when two texts are the same rule in other words: Jaccard of word sets ≥ 0.8. */
export function nearlySame(a: string, b: string): boolean {
  return jaccard(wordSet(a), wordSet(b)) >= duplicateJaccard;
}
