import type { Candidate } from './candidate.js';

interface Entry {
  kind: Candidate['kind'];
  id: number;
  score: number;
  make: () => Candidate;
}

/**
 * The candidates of a build, one per item: the first find of an item wins, and a golden rule is
 * the same item as its heuristic. Every candidate is scored; only the best are made into
 * Candidates (their text and decoration), since a context holds a few dozen at most.
 */
export class CandidateSet {
  readonly #entries: Entry[] = [];
  readonly #seen = new Set<string>();

  /** Whether the item was found already (a golden rule and its heuristic are one item). */
  has(kind: Candidate['kind'], id: number): boolean {
    return this.#seen.has(`${kind === 'golden_rule' ? 'heuristic' : kind}:${id}`);
  }

  /** Adds a scored item, made into a Candidate only if it is among the best (see best()). */
  add(kind: Candidate['kind'], id: number, score: number, make: () => Candidate): void {
    const key = `${kind === 'golden_rule' ? 'heuristic' : kind}:${id}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#entries.push({ kind, id, score, make });
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The `limit` best-scored candidates, best first (ties in the order found), made. */
  best(limit: number): Candidate[] {
    const ordered = [...this.#entries].sort((a, b) => b.score - a.score);
    return ordered.slice(0, limit).map((entry) => entry.make());
  }
}
