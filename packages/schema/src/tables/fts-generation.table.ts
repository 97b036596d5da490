import type { Selectable } from 'kysely';

/**
 * One number per searched full-text index (`learnings_fts`, …) that triggers move whenever what
 * the index ranks changes; caches of bm25 scores are valid for one generation.
 */
export interface FtsGenerationTable {
  fts: string;
  generation: number;
}

export type FtsGenerationRow = Selectable<FtsGenerationTable>;
