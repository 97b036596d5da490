import type { Candidate } from './candidate.js';

/**
 * The candidates in the order they were found, one per item: the first find of an item wins, and
 * a golden rule is the same item as its heuristic.
 */
export class CandidateSet {
  readonly list: Candidate[] = [];
  readonly #seen = new Set<string>();

  add(candidate: Candidate): void {
    const key = `${candidate.kind === 'golden_rule' ? 'heuristic' : candidate.kind}:${candidate.id}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push(candidate);
  }
}
