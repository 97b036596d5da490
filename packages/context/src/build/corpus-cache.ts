import { changeMarker, type Elf, type Heuristic } from '@elf/core';
import { kindIndex, type MatchedKind, type MatchedRow, rows, statements } from '../candidates/queries.js';

/** One word's posting list in one kind: the items holding it, and whether in shown text (1) or only in what explains it (0). */
export interface Postings {
  ids: Int32Array;
  shown: Uint8Array;
}

/** Postings kept in memory at most (a few MB); past it the kept lists are dropped and read again. */
const maxKeptPostings = 400_000;
/** Rows of one kind and query results kept at most: a long-running process over a large database must not keep it all. */
const maxKeptRows = 10_000;
const maxKeptResults = 2_000;

interface Snapshot {
  marker: string;
  /** Knowledge rows read so far, by kind and id, and task-independent query results by key. */
  rows: Map<MatchedKind, Map<number, unknown>>;
  memo: Map<string, unknown>;
  /** Posting lists read so far, by `kind:stem`, and how many postings they hold in all. */
  postings: Map<string, Postings>;
  postingCount: number;
  golden: Map<string, Heuristic[]>;
  domains: Set<string>;
  documents: number;
  documentCounts: Map<string, number>;
  /** Per stem, the documents holding it in each kind (by kindIndex): a kind without it is not searched. */
  kindCounts: Map<string, Int32Array>;
}

/**
 * What builds read of the corpus — golden rules, the domains that hold knowledge, the number of
 * documents, per-stem document counts, the rows of items matched so far and the results of
 * queries that do not depend on the task (background, this project's items) — kept in memory and
 * dropped whenever the database changed (core's changeMarker: from any process; this process's
 * own query telemetry does not count). Call corpus() first in every build: it checks the marker.
 */
export class CorpusCache {
  readonly #elf: Elf;
  #snapshot: Snapshot | undefined;

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
      const { domains } = await this.#elf.knownDomains();
      const [count] = await rows(this.#elf.db, statements.documentCount());
      const documents = count?.documents ?? 0;
      // Document counts weigh words (IDF) and choose which to search; a few new items barely move
      // them, and counting reads a word's whole posting list: keep them until the corpus has
      // grown or shrunk by a twentieth — but not a word no item held (a new item may hold it now).
      const previous = this.#snapshot;
      const keepCounts = previous !== undefined && Math.abs(documents - previous.documents) <= previous.documents / 20;
      this.#snapshot = {
        marker,
        golden: new Map(),
        domains: new Set(domains),
        documents: keepCounts ? previous.documents : documents,
        documentCounts: keepCounts ? new Map([...previous.documentCounts].filter(([, held]) => held > 0)) : new Map(),
        // Which kinds hold a word: only as this snapshot read them (a kind without it may have it now).
        kindCounts: new Map(),
        rows: new Map(),
        memo: new Map(),
        postings: new Map(),
        postingCount: 0,
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
   * Documents containing each stem. Counting reads a stem's whole posting list (fts5vocab), so
   * counts are kept, across small changes of the data too (see corpus()).
   */
  async documentCounts(wanted: readonly string[]): Promise<Map<string, number>> {
    const known = this.#snapshot?.documentCounts;
    const counts = new Map<string, number>();
    const missing: string[] = [];
    for (const stem of new Set(wanted)) {
      const count = known?.get(stem);
      if (count === undefined) missing.push(stem);
      else counts.set(stem, count);
    }
    if (missing.length > 0) {
      const perKind = new Map<string, Int32Array>(missing.map((stem) => [stem, new Int32Array(6)]));
      for (const c of await rows(this.#elf.db, statements.termDocuments(missing))) {
        const held = perKind.get(c.term);
        if (held) held[c.kind] = c.documents;
      }
      for (const stem of missing) {
        const held = perKind.get(stem) as Int32Array;
        const documents = held.reduce((sum, n) => sum + n, 0);
        counts.set(stem, documents);
        known?.set(stem, documents);
        this.#snapshot?.kindCounts.set(stem, held);
      }
    }
    return counts;
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
    const read_ = await read(missing);
    if (memo && memo.size + missing.length >= maxKeptResults) memo.clear();
    for (const key of missing) {
      const list = read_.get(key) ?? [];
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
    const snapshot = this.#snapshot;
    const kept = snapshot?.postings;
    const k = kindIndex[kind];
    const lists: Array<Postings | undefined> = terms.map((t) => {
      const list = kept?.get(`${kind}:${t.stem}`);
      if (list) return list;
      // Counted but held by no item of this kind (and still so: a change drops the counts that were 0).
      return snapshot?.kindCounts.get(t.stem)?.[k] === 0 ? emptyPostings : undefined;
    });
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
      missing.forEach(({ term, index }, m) => {
        const docs = byTerm[m] as Map<number, number>;
        const list: Postings = { ids: Int32Array.from(docs.keys()), shown: Uint8Array.from(docs.values()) };
        lists[index] = list;
        if (snapshot) {
          if (snapshot.postingCount + list.ids.length > maxKeptPostings) {
            snapshot.postings.clear();
            snapshot.postingCount = 0;
          }
          snapshot.postings.set(`${kind}:${term.stem}`, list);
          snapshot.postingCount += list.ids.length;
        }
      });
    }
    return lists as Postings[];
  }
}

const emptyPostings: Postings = { ids: new Int32Array(0), shown: new Uint8Array(0) };
