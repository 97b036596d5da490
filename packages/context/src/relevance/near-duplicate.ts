import { duplicateJaccard, jaccard, wordSet } from '@elf/core';

/** Remembers what was kept and tells whether a new text nearly repeats it (core's Jaccard ≥ 0.8). */
export class DuplicateFilter {
  readonly #kept: Set<string>[] = [];

  isDuplicate(text: string): boolean {
    return this.#matches(wordSet(text));
  }

  keep(text: string): void {
    this.#kept.push(wordSet(text));
  }

  /** Keeps the text unless it nearly repeats one kept before; true when it was a duplicate. */
  keepUnlessDuplicate(text: string): boolean {
    const words = wordSet(text);
    if (this.#matches(words)) return true;
    this.#kept.push(words);
    return false;
  }

  #matches(words: Set<string>): boolean {
    // Jaccard is at most min/max of the sizes: most pairs are ruled out without comparing words.
    return this.#kept.some((kept) => {
      const [small, large] = kept.size < words.size ? [kept.size, words.size] : [words.size, kept.size];
      return small >= duplicateJaccard * large && jaccard(kept, words) >= duplicateJaccard;
    });
  }
}
