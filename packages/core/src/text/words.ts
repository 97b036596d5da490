// The one word splitter of ELF. Every comparison of texts (full-text queries, relevance, "same
// rule?", revival, domain inference) reads words through here, folded the way the full-text index
// folds them (unicode61, remove_diacritics 2), so what one part calls a word the others do too.

const wordPattern = /[\p{L}\p{N}_]+/gu;

/** Lower case without diacritics: "Café" → "cafe". ASCII text (most of it) skips the Unicode work. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return /[^ -~\s]/.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
}

export interface WordOptions {
  /**
   * Keep identifiers whole (`snake_case` is one word, searched as a phrase); by default they are
   * split at `_`, as the index splits them.
   */
  identifiers?: boolean;
}

/** The folded words of a text, in order, repeats included. */
export function words(text: string, options: WordOptions = {}): string[] {
  const out: string[] = [];
  for (const match of fold(text).matchAll(wordPattern)) {
    if (options.identifiers) out.push(match[0]);
    else for (const part of match[0].split('_')) if (part) out.push(part);
  }
  return out;
}

/** The set of a text's folded words (identifiers split): what "the same words" means. */
export function wordSet(text: string): Set<string> {
  return new Set(words(text));
}

/** Folded words single-spaced: "Don't  push!" → "don t push". */
export function normaliseRule(text: string): string {
  return words(text).join(' ');
}
