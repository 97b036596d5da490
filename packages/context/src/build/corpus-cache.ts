import { changeMarker, type Elf, type Heuristic } from '@elf/core';
import { rows, statements } from '../candidates/queries.js';

interface Snapshot {
  marker: string;
  golden: Map<string, Heuristic[]>;
  domains: Set<string>;
  documents: number;
  documentCounts: Map<string, number>;
}

/**
 * What every build reads of the corpus as a whole — golden rules, the domains that hold
 * knowledge, the number of documents and per-stem document counts — kept in memory and dropped
 * whenever the database changed (core's changeMarker: from any process; this process's own query
 * telemetry does not count).
 */
export class CorpusCache {
  readonly #elf: Elf;
  #snapshot: Snapshot | undefined;

  constructor(elf: Elf) {
    this.#elf = elf;
  }

  /** Golden rules (of these categories), known domains and the document count, fresh for this build. */
  async corpus(categories: string[]): Promise<{ golden: Heuristic[]; domains: Set<string>; documents: number }> {
    const marker = await changeMarker(this.#elf.core);
    if (this.#snapshot?.marker !== marker) {
      const { domains } = await this.#elf.knownDomains();
      const [count] = await rows(this.#elf.db, statements.documentCount());
      this.#snapshot = {
        marker,
        golden: new Map(),
        domains: new Set(domains),
        documents: count?.documents ?? 0,
        documentCounts: new Map(),
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
   * counts are kept with the snapshot.
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
      const found = new Map(
        (await rows(this.#elf.db, statements.termDocuments(missing))).map((c) => [c.term, c.documents]),
      );
      for (const stem of missing) {
        const documents = found.get(stem) ?? 0;
        counts.set(stem, documents);
        known?.set(stem, documents);
      }
    }
    return counts;
  }
}
