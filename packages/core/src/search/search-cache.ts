import type { SearchKind } from './search-statements.js';
import type { TermScores } from './top-hits.js';

/** Ids past which sums are added up in a map instead of a dense array. */
const maxScratchIds = 1 << 22;

/**
 * Phrase scores a process has read, per kind, valid for one generation of the kind's full-text
 * index (kept_counts' `fts_generation`: triggers move it on every change to what the index ranks, from any
 * process, so nothing stale is ever served). Words recur across searches — the common ones,
 * whose long posting lists are what bm25 spends its time on, most of all — so a warm process
 * ranks a search from memory. Bounded: least recently used phrases go first.
 */
export class SearchCache {
  readonly #generations = new Map<SearchKind, number>();
  readonly #searched = new Set<SearchKind>();
  /** `kind\nphrase` → scores, least recently used first. */
  readonly #entries = new Map<string, TermScores>();
  readonly #maxPostings: number;
  #postings = 0;
  #scratch = new Float64Array(0);
  /** Whether this connection has its scratch page index (page-index.ts) yet. */
  pageIndexCreated = false;

  /** At most `maxPostings` (document, score) pairs are kept, about 16 bytes each (32 MB by default). */
  constructor(maxPostings = 2_000_000) {
    this.#maxPostings = maxPostings;
  }

  /** Forgets a kind's phrases unless they were read at this generation of its index. */
  sync(kind: SearchKind, generation: number): void {
    if (this.#generations.get(kind) === generation) return;
    this.#generations.set(kind, generation);
    this.#searched.delete(kind);
    for (const [key, scores] of this.#entries) {
      if (key.startsWith(`${kind}\n`)) {
        this.#entries.delete(key);
        this.#postings -= scores.ids.length;
      }
    }
  }

  /**
   * Whether a search already ran on this kind at this generation. The first one does not fill
   * the cache — it lets FTS5 rank (one search in a process, as `elf search` makes, is served
   * best that way); later ones read what they miss and keep it.
   */
  searched(kind: SearchKind): boolean {
    return this.#searched.has(kind);
  }

  markSearched(kind: SearchKind): void {
    this.#searched.add(kind);
  }

  get(kind: SearchKind, phrase: string): TermScores | undefined {
    const key = `${kind}\n${phrase}`;
    const scores = this.#entries.get(key);
    if (scores) {
      this.#entries.delete(key);
      this.#entries.set(key, scores);
    }
    return scores;
  }

  /** Keeps a phrase's scores, dropping the least recently used others while over the bound. */
  set(kind: SearchKind, phrase: string, scores: TermScores): void {
    const key = `${kind}\n${phrase}`;
    const previous = this.#entries.get(key);
    if (previous) this.#postings -= previous.ids.length;
    this.#entries.delete(key);
    if (scores.ids.length > this.#maxPostings) return;
    this.#entries.set(key, scores);
    this.#postings += scores.ids.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#postings <= this.#maxPostings) break;
      this.#entries.delete(oldest);
      this.#postings -= old.ids.length;
    }
  }

  /** Zeroed space for per-document sums, indexed by id up to `maxId`; null past 4M ids (32 MB). */
  scratch(maxId: number): Float64Array | null {
    if (maxId >= maxScratchIds) return null;
    if (this.#scratch.length <= maxId) {
      this.#scratch = new Float64Array(Math.min(maxScratchIds, Math.max(maxId + 1, this.#scratch.length * 2)));
    }
    return this.#scratch;
  }

  /** (document, score) pairs held, for tests and memory reports. */
  get postings(): number {
    return this.#postings;
  }
}
