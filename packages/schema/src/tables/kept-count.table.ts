import type { Selectable } from 'kysely';

/**
 * Counts kept by triggers (never written by code), one row each:
 * - `learnings.type`, `experiments.status`, `ceo_reviews.status` — `key` a value, `n` its rows;
 * - `decisions`, `invariants`, `assumptions`, `spike_reports` — `key` '', `n` the table's rows;
 * - `fts_generation` — `key` a searched full-text index (`learnings_fts`, …), `n` a number that
 *   moves whenever what the index ranks changes (caches of bm25 scores are valid for one).
 */
export interface KeptCountTable {
  name: string;
  key: string;
  n: number;
}

export type KeptCountRow = Selectable<KeptCountTable>;
