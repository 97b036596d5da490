import type { Selectable } from 'kysely';

/** Known domains with their item counts, kept by triggers on learnings and heuristics. */
export interface DomainStatsTable {
  domain: string;
  learnings: number;
  heuristics: number;
}

export type DomainStatsRow = Selectable<DomainStatsTable>;
