// Near-duplicate rules appear once: same normalised text, or word sets with Jaccard ≥ 0.8.

export const duplicateJaccard = 0.8;

export function wordSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Remembers what was kept and tells whether a new text nearly repeats it. */
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
