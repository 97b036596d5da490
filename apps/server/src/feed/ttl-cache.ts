import type { ChangeFeed } from './change-feed.js';

interface Entry {
  value: unknown;
  marker: string;
  expires: number;
}

/**
 * Expensive reads (stats, velocity, hot spots) kept for a few seconds, and never past a change:
 * an entry is valid while the change feed's marker is the one it was read at.
 */
export class TtlCache {
  readonly #feed: ChangeFeed;
  readonly #ttlMs: number;
  readonly #entries = new Map<string, Entry>();

  constructor(feed: ChangeFeed, ttlMs = 5000) {
    this.#feed = feed;
    this.#ttlMs = ttlMs;
  }

  async get<T>(key: string, read: () => Promise<T>): Promise<T> {
    const marker = await this.#feed.marker();
    const entry = this.#entries.get(key);
    if (entry && entry.marker === marker && entry.expires > Date.now()) return entry.value as T;
    const value = await read();
    if (this.#entries.size >= 500) this.#entries.clear();
    this.#entries.set(key, { value, marker, expires: Date.now() + this.#ttlMs });
    return value;
  }
}
