import { changeMarker, type Elf, type Heuristic } from '@elf/core';
import {
  ftsTables,
  kindIndex,
  type MatchedKind,
  type MatchedRow,
  matchedKinds,
  rows,
  statements,
} from '../candidates/queries.js';

/** One word's posting list in one kind: the items holding it, and whether in shown text (1) or only in what explains it (0). */
export interface Postings {
  ids: Int32Array;
  shown: Uint8Array;
}

/** Postings kept in memory at most (a few MB); past it the kept lists are dropped and read again. */
const maxKeptPostings = 400_000;
/** Words whose document counts one kind keeps at most. */
const maxKeptCounts = 100_000;
/** Rows of one kind and query results kept at most: a long-running process over a large database must not keep it all. */
const maxKeptRows = 10_000;
const maxKeptResults = 2_000;

interface Snapshot {
  marker: string;
  /** Knowledge rows read so far, by kind and id, and task-independent query results by key. */
  rows: Map<MatchedKind, Map<number, unknown>>;
  memo: Map<string, unknown>;
  golden: Map<string, Heuristic[]>;
  domains: Set<string>;
  documents: number;
}

/**
 * What builds know of one kind's full-text index, kept while the index stays the same: its
 * generation (kept_counts' `fts_generation`, moved by triggers on every change to what it indexes,
 * from any process), else the change marker for kinds without one. Writes elsewhere (sessions,
 * trails, another kind, a rule's confidence) leave it alone.
 */
interface KindIndex {
  version: string;
  /** Posting lists read so far, by stem. */
  postings: Map<string, Postings>;
  /** Documents of this kind holding each stem counted so far (0: none, and so not searched). */
  counts: Map<string, number>;
  /** Every stem of the index is in `counts` (warm() read the whole vocabulary): a stem not there is in no document. */
  complete: boolean;
}

/**
 * What builds read of the corpus, kept in memory:
 * - per kind, while its full-text index stays the same: posting lists and per-stem document counts;
 * - until the database changes (core's changeMarker: any write from any process; this process's
 *   own query telemetry does not count): golden rules, the domains that hold knowledge, the number
 *   of documents, the rows of items read so far and the results of queries that do not depend on
 *   the task (background, this project's items).
 * Call corpus() first in every build: it checks the marker and the generations.
 */
export class CorpusCache {
  readonly #elf: Elf;
  #snapshot: Snapshot | undefined;
  readonly #indexes: KindIndex[] = matchedKinds.map(() => ({
    version: '',
    postings: new Map(),
    counts: new Map(),
    complete: false,
  }));
  #postingCount = 0;

  constructor(elf: Elf) {
    this.#elf = elf;
  }

  get db() {
    return this.#elf.db;
  }

  /** Golden rules (of these categories), known domains and the document count, fresh for this build. */
  async corpus(categories: string[]): Promise<{ golden: Heuristic[]; domains: Set<string>; documents: number }> {
    const marker = await changeMarker(this.#elf.core);
    if (this.#snapshot?.marker !== marker) {
      const [{ domains }, [count], generations] = await Promise.all([
        this.#elf.knownDomains(),
        rows(this.#elf.db, statements.documentCount()),
        rows(this.#elf.db, statements.ftsGenerations()),
      ]);
      const generation = new Map(generations.map((g) => [g.fts, g.n]));
      matchedKinds.forEach((kind, k) => {
        const n = generation.get(ftsTables[kind].fts);
        const version = n === undefined ? `marker ${marker}` : `generation ${n}`;
        const index = this.#indexes[k] as KindIndex;
        if (index.version === version) return;
        for (const list of index.postings.values()) this.#postingCount -= list.ids.length;
        this.#indexes[k] = { version, postings: new Map(), counts: new Map(), complete: false };
      });
      this.#snapshot = {
        marker,
        golden: new Map(),
        domains: new Set(domains),
        documents: count?.documents ?? 0,
        rows: new Map(),
        memo: new Map(),
      };
    }
    const snapshot = this.#snapshot;
    const key = categories.join(',');
    let golden = snapshot.golden.get(key);
    if (!golden) {
      golden = (await this.#elf.goldenRules({ categories, limit: 200 })).rules;
      snapshot.golden.set(key, golden);
    }
    return { golden, domains: snapshot.domains, documents: snapshot.documents };
  }

  /**
   * Documents containing each stem, over every kind. Counting reads a stem's posting list
   * (fts5vocab), so each kind keeps its counts while its index stays the same.
   */
  async documentCounts(wanted: readonly string[]): Promise<Map<string, number>> {
    const stems = [...new Set(wanted)];
    const missing = this.#indexes.map((index) =>
      index.complete ? [] : stems.filter((stem) => !index.counts.has(stem)),
    );
    if (missing.some((list) => list.length > 0)) {
      const found = this.#indexes.map(() => new Map<string, number>());
      for (const c of await rows(this.#elf.db, statements.termDocuments(missing)))
        (found[c.kind] as Map<string, number>).set(c.term, c.documents);
      this.#indexes.forEach((index, k) => {
        const list = missing[k] as string[];
        if (list.length === 0) return;
        if (index.counts.size + list.length > maxKeptCounts) index.counts.clear();
        for (const stem of list) index.counts.set(stem, (found[k] as Map<string, number>).get(stem) ?? 0);
      });
    }
    const counts = new Map<string, number>();
    for (const stem of stems) {
      let documents = 0;
      for (const index of this.#indexes) documents += index.counts.get(stem) ?? 0;
      counts.set(stem, documents);
    }
    return counts;
  }

  /**
   * Reads each index's whole vocabulary (its stems and their document counts; one pass over the
   * index, tens of ms at 10k items) so builds never ask for counts again while the index stays the
   * same. For a long-lived process (the server), between requests; a short one never calls it.
   * Indexes with more stems than are kept are left to be counted as builds need them.
   */
  async warm(): Promise<void> {
    await this.corpus([]);
    for (const [k, kind] of matchedKinds.entries()) {
      const index = this.#indexes[k] as KindIndex;
      if (index.complete) continue;
      const found = await rows(this.#elf.db, statements.vocabulary(kind, maxKeptCounts + 1));
      if (found.length > maxKeptCounts || this.#indexes[k] !== index) continue;
      index.counts = new Map(found.map((r) => [r.term, r.documents]));
      index.complete = true;
    }
  }

  /** Whole rows of one kind by id: those read before from memory, the rest in one query per 500. */
  async rows<K extends MatchedKind>(kind: K, ids: readonly number[]): Promise<Map<number, MatchedRow[K]>> {
    const byKind = this.#snapshot?.rows;
    let known = byKind?.get(kind);
    if (!known) {
      known = new Map<number, unknown>();
      byKind?.set(kind, known);
    }
    const found = new Map<number, MatchedRow[K]>();
    const missing: number[] = [];
    for (const id of ids) {
      const row = known.get(id) as MatchedRow[K] | undefined;
      if (row) found.set(id, row);
      else missing.push(id);
    }
    // Full: forget the rows read longest ago (a Map iterates in insertion order), not all of them —
    // a corpus larger than the cache would otherwise be read again whole every few builds.
    if (known.size + missing.length > maxKeptRows) {
      let drop = known.size + missing.length - maxKeptRows + maxKeptRows / 4;
      for (const id of known.keys()) {
        if (drop-- <= 0) break;
        known.delete(id);
      }
    }
    for (let i = 0; i < missing.length; i += 500) {
      for (const row of await rows(this.#elf.db, statements.byIds(kind, missing.slice(i, i + 500)))) {
        found.set(row.id, row);
        known.set(row.id, row);
      }
    }
    return found;
  }

  /** The result of a query that depends only on the data (and `key`), read once per snapshot. */
  memo<T>(key: string, read: () => Promise<T>): Promise<T> {
    const memo = this.#snapshot?.memo;
    if (!memo) return read();
    let result = memo.get(key) as Promise<T> | undefined;
    if (!result) {
      result = read();
      if (memo.size >= maxKeptResults) memo.clear();
      memo.set(key, result);
      result.catch(() => memo.delete(key));
    }
    return result;
  }

  /**
   * The results of a query per key (a domain, a learning), read together for the keys not read
   * before in this snapshot: a build asks for a new combination of keys far more often than for
   * a new key, so results are kept per key and combined by the caller.
   */
  async memoEach<T>(
    prefix: string,
    keys: readonly string[],
    read: (missing: string[]) => Promise<Map<string, T[]>>,
  ): Promise<Map<string, T[]>> {
    const memo = this.#snapshot?.memo;
    const found = new Map<string, T[]>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const kept = memo?.get(`${prefix}:${key}`) as T[] | undefined;
      if (kept) found.set(key, kept);
      else missing.push(key);
    }
    if (missing.length === 0) return found;
    const lists = await read(missing);
    if (memo && memo.size + missing.length >= maxKeptResults) memo.clear();
    for (const key of missing) {
      const list = lists.get(key) ?? [];
      found.set(key, list);
      memo?.set(`${prefix}:${key}`, list as never);
    }
    return found;
  }

  /**
   * The posting lists of `terms` in one kind (each the newest `limit` items): kept lists from
   * memory, the others in one query (one branch per word; kinds that show only some columns get a
   * second branch per word).
   */
  async postings(
    kind: MatchedKind,
    terms: ReadonlyArray<{ stem: string; word: string }>,
    limit: number,
  ): Promise<Postings[]> {
    const index = this.#indexes[kindIndex[kind]] as KindIndex;
    const lists: Array<Postings | undefined> = terms.map(
      // Counted, and held by no item of this kind: nothing to read.
      (t) =>
        index.postings.get(t.stem) ??
        ((index.counts.get(t.stem) ?? (index.complete ? 0 : undefined)) === 0 ? emptyPostings : undefined),
    );
    const missing = terms.flatMap((t, i) => (lists[i] ? [] : [{ term: t, index: i }]));
    if (missing.length > 0) {
      const found = await rows(
        this.#elf.db,
        statements.postings(
          kind,
          missing.map((m) => m.term.word),
          limit,
        ),
      );
      // Per word, its items: in shown text (1) or only in what explains them (0); a kind with a
      // shown-columns branch lists an item in both, and shown wins.
      const byTerm = missing.map(() => new Map<number, number>());
      for (const { term, shown, ids } of found) {
        if (!ids) continue;
        const docs = byTerm[term] as Map<number, number>;
        let id = 0;
        for (let i = 0; i <= ids.length; i++) {
          const c = i < ids.length ? ids.charCodeAt(i) : 44;
          if (c !== 44) id = id * 10 + c - 48;
          else {
            if ((docs.get(id) ?? -1) < shown) docs.set(id, shown);
            id = 0;
          }
        }
      }
      missing.forEach(({ term, index: at }, m) => {
        const docs = byTerm[m] as Map<number, number>;
        const list: Postings = { ids: Int32Array.from(docs.keys()), shown: Uint8Array.from(docs.values()) };
        lists[at] = list;
        if (this.#postingCount + list.ids.length > maxKeptPostings) {
          for (const kept of this.#indexes) kept.postings.clear();
          this.#postingCount = 0;
        }
        index.postings.set(term.stem, list);
        this.#postingCount += list.ids.length;
      });
    }
    return lists as Postings[];
  }
}

const emptyPostings: Postings = { ids: new Int32Array(0), shown: new Uint8Array(0) };
