import { changeMarker, type Elf } from '@elf/core';
import { sql } from 'kysely';

export interface Change {
  marker: string;
  at: string;
  /** The tables whose kept counts moved; null when only rows changed in place (a confidence, a status). */
  tables: string[] | null;
}

type Listener = (change: Change) => void;

/** `learnings.type` → learnings, `fts_generation`/`heuristics_fts` → heuristics. */
function tableOf(name: string, key: string): string {
  if (name === 'fts_generation') return key.replace(/_fts$/, '');
  return name.split('.')[0] as string;
}

/**
 * Notices writes by any process: polls core's change marker (`PRAGMA data_version`, which moves
 * when another connection commits, and this connection's own changes less its telemetry) — one
 * tiny statement, never a count of a table. When it moves, the trigger-kept counts (a few dozen
 * rows) say which tables grew or shrank. Polls only while someone listens.
 */
export class ChangeFeed {
  readonly #elf: Elf;
  readonly #intervalMs: number;
  readonly #listeners = new Set<Listener>();
  #timer: NodeJS.Timeout | null = null;
  #marker: string | null = null;
  #readAt = 0;
  #counts = new Map<string, number>();
  #polling: Promise<void> | null = null;

  constructor(elf: Elf, intervalMs = 200) {
    this.#elf = elf;
    this.#intervalMs = intervalMs;
  }

  /** The marker now (read again when the last read is older than one interval). */
  async marker(): Promise<string> {
    if (this.#marker === null || Date.now() - this.#readAt >= this.#intervalMs) await this.poll();
    return this.#marker as string;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (!this.#timer) {
      this.#timer = setInterval(() => void this.poll(), this.#intervalMs);
      this.#timer.unref();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** One look; concurrent callers share it. Never throws (a busy or closed database is tried again next time). */
  poll(): Promise<void> {
    this.#polling ??= this.#look().finally(() => {
      this.#polling = null;
    });
    return this.#polling;
  }

  async #look(): Promise<void> {
    try {
      const marker = await changeMarker(this.#elf.core);
      this.#readAt = Date.now();
      const previous = this.#marker;
      this.#marker = marker;
      if (previous === null || previous === marker) {
        if (previous === null) this.#counts = await this.#keptCounts();
        return;
      }
      const counts = await this.#keptCounts();
      const moved = new Set<string>();
      for (const [key, n] of counts) if (this.#counts.get(key) !== n) moved.add(key);
      for (const key of this.#counts.keys()) if (!counts.has(key)) moved.add(key);
      this.#counts = counts;
      const tables = [...new Set([...moved].map((key) => tableOf(...(key.split('\u0000') as [string, string]))))];
      const change: Change = { marker, at: new Date().toISOString(), tables: tables.length > 0 ? tables.sort() : null };
      for (const listener of this.#listeners) listener(change);
    } catch {
      // The next poll tries again.
    }
  }

  async #keptCounts(): Promise<Map<string, number>> {
    const { rows } = await sql<{ name: string; key: string; n: number }>`
      select name, key, n from kept_counts limit 1000`.execute(this.#elf.db);
    return new Map(rows.map((r) => [`${r.name}\u0000${r.key}`, r.n]));
  }
}
