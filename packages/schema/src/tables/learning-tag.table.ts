import type { Insertable, Selectable } from 'kysely';

/** One row per (tag, learning): exact tag matches through the primary key instead of LIKE scans. */
export interface LearningTagTable {
  tag: string;
  learning_id: number;
}

export type LearningTagRow = Selectable<LearningTagTable>;
export type NewLearningTagRow = Insertable<LearningTagTable>;
