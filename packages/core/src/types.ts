import type {
  AssumptionRow,
  CeoReviewRow,
  CycleRow,
  DecisionRow,
  ExperimentRow,
  HeuristicRow,
  InvariantRow,
  LearningRow,
  SpikeReportRow,
  ViolationRow,
} from '@elf/schema';

// The plain objects @elf/core returns: the database's column names (what ELF users know), with
// 0/1 flags as booleans and comma-separated tags as arrays.

export type Learning = Omit<LearningRow, 'tags'> & { tags: string[] };
export type Heuristic = Omit<HeuristicRow, 'is_golden'> & { is_golden: boolean };
export type Decision = Omit<DecisionRow, 'files_touched' | 'tests_added'> & {
  files_touched: string[];
  tests_added: string[];
};
export type Invariant = InvariantRow;
export type Assumption = AssumptionRow;
export type SpikeReport = Omit<SpikeReportRow, 'tags'> & { tags: string[] };
export type Experiment = ExperimentRow;
export type Cycle = CycleRow;
export type CeoReview = CeoReviewRow;
export type Violation = Omit<ViolationRow, 'acknowledged'> & { acknowledged: boolean };

/** A page of results: `nextOffset` is set when there may be more. */
export interface Page {
  limit: number;
  offset: number;
  nextOffset: number | null;
}
