import type { Database } from '@elf/schema';

/** What export and import move: every knowledge table, in an order where links point backwards. */
export const transferKinds = [
  'heuristic',
  'learning',
  'decision',
  'invariant',
  'assumption',
  'spike_report',
  'experiment',
  'cycle',
  'ceo_review',
  'violation',
] as const;
export type TransferKind = (typeof transferKinds)[number];

export const kindTable = {
  heuristic: 'heuristics',
  learning: 'learnings',
  decision: 'decisions',
  invariant: 'invariants',
  assumption: 'assumptions',
  spike_report: 'spike_reports',
  experiment: 'experiments',
  cycle: 'cycles',
  ceo_review: 'ceo_reviews',
  violation: 'violations',
} as const satisfies Record<TransferKind, keyof Database>;

type Row = Record<string, unknown>;
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim().toLowerCase());

/**
 * The content that makes two records "the same" (ids, timestamps and counters aside). A record
 * whose key matches a row that was there before an import is not imported again: that is what
 * makes imports idempotent and skips the starter golden rules a fresh home already has.
 * Links are compared after remapping (a cycle's experiment, a violation's rule).
 */
export const identityKey: Record<TransferKind, (row: Row) => string> = {
  heuristic: (r) => [r.domain, r.rule, r.project_path].map(text).join('\u0000'),
  learning: (r) => [r.type, r.domain, r.title, r.summary].map(text).join('\u0000'),
  decision: (r) => [r.title, r.decision].map(text).join('\u0000'),
  invariant: (r) => [r.statement].map(text).join('\u0000'),
  assumption: (r) => [r.assumption].map(text).join('\u0000'),
  spike_report: (r) => [r.title, r.findings].map(text).join('\u0000'),
  experiment: (r) => [r.name].map(text).join('\u0000'),
  cycle: (r) => [r.experiment_id, r.cycle_number].map(text).join('\u0000'),
  ceo_review: (r) => [r.title, r.created_at].map(text).join('\u0000'),
  violation: (r) => [r.rule_id, r.violation_date, r.description].map(text).join('\u0000'),
};
