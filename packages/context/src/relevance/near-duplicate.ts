import { duplicateJaccard, jaccard, wordSet } from '@elf/core';

/** Remembers what was kept and tells whether a new text nearly repeats it (core's Jaccard ≥ 0.8). */
export class DuplicateFilter {
  readonly #kept: Set<string>[] = [];

  isDuplicate(text: string): boolean {
    const words = wordSet(text);
    return this.#kept.some((kept) => jaccard(kept, words) >= duplicateJaccard);
  }

  keep(text: string): void {
    this.#kept.push(wordSet(text));
  }
}
