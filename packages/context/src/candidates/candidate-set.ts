import type { Candidate } from './candidate.js';

/** Makes the Candidate of a scored row (one per kind of source, so a build allocates no closure per row). */
export interface Maker<R, X> {
  make(row: R, score: number, extra: X): Candidate;
}

interface Entry {
  kind: Candidate['kind'];
  id: number;
  score: number;
  row: unknown;
  extra: unknown;
  maker: Maker<unknown, unknown>;
}

const called: Maker<() => Candidate, undefined> = { make: (make) => make() };

const kindCodes: Record<Candidate['kind'], number> = {
  project_context: 0,
  golden_rule: 1,
  heuristic: 1, // a golden rule is the same item as its heuristic
  learning: 2,
  decision: 3,
  invariant: 4,
  assumption: 5,
  spike_report: 6,
  experiment: 7,
  ceo_review: 8,
};

/** One number per item (every candidate of every build is looked up by it). */
const itemCode = (kind: Candidate['kind'], id: number) => id * 16 + kindCodes[kind];

/**
 * The candidates of a build, one per item: the first find of an item wins, and a golden rule is
 * the same item as its heuristic. Every candidate is scored; only the best are made into
 * Candidates (their text and decoration), since a context holds a few dozen at most.
 */
export class CandidateSet {
  readonly #entries: Entry[] = [];
  readonly #seen = new Set<number>();

  /** Whether the item was found already (a golden rule and its heuristic are one item). */
  has(kind: Candidate['kind'], id: number): boolean {
    return this.#seen.has(itemCode(kind, id));
  }

  /** Adds a scored item, made into a Candidate only if it is among the best (see best()). */
  add(kind: Candidate['kind'], id: number, score: number, make: () => Candidate): void {
    this.addRow(kind, id, score, called, make, undefined);
  }

  /** add(), with the Candidate made by `maker` from the row and `extra` (no closure per row). */
  addRow<R, X>(kind: Candidate['kind'], id: number, score: number, maker: Maker<R, X>, row: R, extra: X): void {
    const code = itemCode(kind, id);
    if (this.#seen.has(code)) return;
    this.#seen.add(code);
    this.#entries.push({ kind, id, score, row, extra, maker: maker as Maker<unknown, unknown> });
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The `limit` best-scored candidates, best first (ties in the order found), made. */
  best(limit: number): Candidate[] {
    const ordered = [...this.#entries].sort((a, b) => b.score - a.score);
    return ordered.slice(0, limit).map((entry) => entry.maker.make(entry.row, entry.score, entry.extra));
  }
}
