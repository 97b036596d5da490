import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Id, Timestamp } from './timestamps.js';

export const learningTypes = ['failure', 'success', 'observation', 'heuristic', 'experiment'] as const;
export type LearningType = (typeof learningTypes)[number];

/** Failures, successes and observations: what happened, newest first. */
export interface LearningTable {
  id: Id;
  type: LearningType;
  /** Markdown file the original ELF wrote; optional here. */
  filepath: string | null;
  title: string;
  summary: string | null;
  /** Normalised, comma-separated; `learning_tags` holds one row per tag for exact matching. */
  tags: string | null;
  domain: string;
  /** 1 (trivial) .. 5 (critical). */
  severity: Defaulted<number>;
  /**
   * Provenance: the project root it happened in (null = unknown). Unlike a heuristic's
   * project_path it does not limit where the learning is shown: learnings are visible in every
   * project, ranked higher in their own.
   */
  project_path: string | null;
  /** Tokens of the item's context text (o200k); null until counted or after its text changed. */
  token_count: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type LearningRow = Selectable<LearningTable>;
export type NewLearningRow = Insertable<LearningTable>;
export type LearningRowUpdate = Updateable<LearningTable>;
