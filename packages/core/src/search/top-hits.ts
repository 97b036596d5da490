import type { SearchKind } from './search-statements.js';

// Ranking from per-phrase scores, without the database. FTS5's bm25 for an OR query is the sum,
// phrase by phrase in query order, of each phrase's own score in the document (its IDF, the
// document's weighted frequency and length: nothing shared between phrases). Summing the
// phrase scores FTS5 computed, in the same order, therefore gives the very same double.

/** One phrase's bm25 score in each document that has it. */
export interface TermScores {
  ids: readonly number[];
  scores: readonly number[];
  /** The largest of `ids` (0 when none): sizes the space sums are added up in. */
  maxId: number;
}

/** TermScores from the two JSON arrays termScoresQuery returns. */
export function parseTermScores(ids: string, scores: string): TermScores {
  const idList = JSON.parse(ids) as number[];
  let maxId = 0;
  for (const id of idList) if (id > maxId) maxId = id;
  return { ids: idList, scores: JSON.parse(scores) as number[], maxId };
}

export interface RankedHit {
  kind: SearchKind;
  id: number;
  /** bm25 with column weights: lower is better. */
  score: number;
}

/** Best first: lower score, then lower id, then the kind asked for first. */
export function compareHits(a: RankedHit, b: RankedHit, kindOrder: ReadonlyMap<SearchKind, number>): number {
  return a.score - b.score || a.id - b.id || (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0);
}

/** The best `take` hits offered, kept in order (insertion into a sorted list: `take` is a page's end). */
export class TopHits {
  readonly #hits: RankedHit[] = [];
  readonly #take: number;
  readonly #order: ReadonlyMap<SearchKind, number>;

  constructor(take: number, kinds: readonly SearchKind[]) {
    this.#take = take;
    this.#order = new Map(kinds.map((kind, i) => [kind, i]));
  }

  /** Keeps the hit if it is among the best `take` so far (allocates only then). */
  offer(kind: SearchKind, id: number, score: number): void {
    const hits = this.#hits;
    const full = hits.length >= this.#take;
    if (full) {
      const worst = hits[hits.length - 1] as RankedHit;
      const order = this.#order;
      if (
        score > worst.score ||
        (score === worst.score &&
          (id > worst.id || (id === worst.id && (order.get(kind) ?? 0) >= (order.get(worst.kind) ?? 0))))
      ) {
        return;
      }
    }
    const hit = { kind, id, score };
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareHits(hits[mid] as RankedHit, hit, this.#order) <= 0) lo = mid + 1;
      else hi = mid;
    }
    hits.splice(lo, 0, hit);
    if (full) hits.pop();
  }

  get hits(): readonly RankedHit[] {
    return this.#hits;
  }
}

/**
 * Offers every document of one kind, scored as the sum of its phrases' scores taken in phrase
 * order. `scratch`, when given, is zeroed space indexed by id (left zeroed again; faster than a
 * map); a sum starts at +0, which adds exactly, and no phrase score is zero (a document that has
 * a phrase scores below zero).
 */
export function offerSums(
  kind: SearchKind,
  phrases: readonly TermScores[],
  scratch: Float64Array | null,
  top: TopHits,
): void {
  if (!scratch) {
    const sums = new Map<number, number>();
    for (const { ids, scores } of phrases) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        sums.set(id, (sums.get(id) ?? 0) + (scores[i] as number));
      }
    }
    for (const [id, score] of sums) top.offer(kind, id, score);
    return;
  }
  const seen: number[] = [];
  for (const { ids, scores } of phrases) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (scratch[id] === 0) seen.push(id);
      scratch[id] = (scratch[id] as number) + (scores[i] as number);
    }
  }
  for (const id of seen) {
    top.offer(kind, id, scratch[id] as number);
    scratch[id] = 0;
  }
}
