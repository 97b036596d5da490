import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Defaulted, Flag, Id, Timestamp } from './timestamps.js';

export const heuristicSourceTypes = [
  'failure',
  'success',
  'observation',
  'auto',
  'auto_distilled',
  'auto-detected',
  'manual',
  'import',
  'starter',
  'merged',
  'experiment',
] as const;
export type HeuristicSourceType = (typeof heuristicSourceTypes)[number];

export const heuristicStatuses = ['active', 'dormant', 'archived', 'retracted', 'superseded'] as const;
export type HeuristicStatus = (typeof heuristicStatuses)[number];

/** Learned rules with a confidence; golden rules are heuristics with `is_golden = 1`. */
export interface HeuristicTable {
  id: Id;
  domain: string;
  rule: string;
  explanation: string | null;
  source_type: Defaulted<HeuristicSourceType>;
  source_id: number | null;
  /** 0..1 */
  confidence: Defaulted<number>;
  times_validated: Defaulted<number>;
  times_violated: Defaulted<number>;
  times_contradicted: Defaulted<number>;
  times_consulted: Defaulted<number>;
  is_golden: Flag;
  /** Golden-rule category (the original's `**Category:**`), e.g. `core`. */
  category: string | null;
  status: Defaulted<HeuristicStatus>;
  superseded_by: number | null;
  /** Why it is dormant, archived, retracted or superseded. */
  status_reason: string | null;
  /** When the status last changed (dormant since, archived at, …). */
  status_changed_at: string | null;
  /** Decay steps applied since it was last used (see the lifecycle's maintenance pass). */
  decay_steps: Defaulted<number>;
  /**
   * Applicability: the absolute project root it applies to, and only there; null = global (every
   * project). Set only by an explicit choice (`--project`, the `record.default-scope` setting,
   * `elf heuristic scope ID project`).
   */
  project_path: string | null;
  /**
   * Provenance: the project root it was learned (recorded) in; null when unknown (imported,
   * starters). Never limits where it applies; the context builder ranks it higher there.
   */
  origin_path: string | null;
  last_used_at: string | null;
  /** Tokens of the item's context text (o200k); null until counted or after its text changed. */
  token_count: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type HeuristicRow = Selectable<HeuristicTable>;
export type NewHeuristicRow = Insertable<HeuristicTable>;
export type HeuristicRowUpdate = Updateable<HeuristicTable>;
