import type { AssumptionRow, CeoReviewRow, ExperimentRow, HeuristicRow, InvariantRow, LearningRow } from '@elf/schema';

// The decoration around each kind of item on its line. Bodies come from core's itemText.

const dayMs = 86_400_000;

// Every candidate learning's age is computed on every build: remember each row's parsed time
// (rows are kept by the corpus cache, so the same objects come back build after build).
const parsed = new WeakMap<object, number>();

/** Days from a learning's created_at to `now`. */
export function ageDays(now: Date, row: { created_at: string }): number {
  let at = parsed.get(row);
  if (at === undefined) {
    at = Date.parse(row.created_at);
    parsed.set(row, at);
  }
  return (now.getTime() - at) / dayMs;
}

export function formatAge(days: number): string {
  if (days < 1) return 'today';
  if (days < 14) return `${Math.floor(days)}d ago`;
  if (days < 60) return `${Math.floor(days / 7)}w ago`;
  return `${Math.floor(days / 30)}mo ago`;
}

export type Decoration = { prefix: string; suffix: string };

export const decorate = {
  heuristic: (h: Pick<HeuristicRow, 'confidence' | 'times_validated'>): Decoration => ({
    prefix: '- ',
    suffix: ` (${h.confidence.toFixed(2)}, ${h.times_validated}✓)\n`,
  }),
  golden: (): Decoration => ({ prefix: '- ', suffix: '\n' }),
  learning: (now: Date, l: Pick<LearningRow, 'type' | 'domain' | 'created_at'>): Decoration => ({
    prefix: `- [${l.type}, ${l.domain}, ${formatAge(ageDays(now, l))}] `,
    suffix: '\n',
  }),
  plain: (): Decoration => ({ prefix: '- ', suffix: '\n' }),
  invariant: (i: Pick<InvariantRow, 'status' | 'violation_count'>): Decoration => ({
    prefix: i.status === 'violated' ? `- VIOLATED ${i.violation_count}×: ` : '- ',
    suffix: '\n',
  }),
  assumption: (a: Pick<AssumptionRow, 'status' | 'confidence'>): Decoration =>
    a.status === 'active'
      ? { prefix: '- ', suffix: ` (${a.confidence.toFixed(2)})\n` }
      : { prefix: `- ⚠ ${a.status}: `, suffix: '\n' },
  experiment: (e: Pick<ExperimentRow, 'cycles_run'>): Decoration => ({
    prefix: '- ',
    suffix: ` (${e.cycles_run} cycles)\n`,
  }),
  review: (r: Pick<CeoReviewRow, 'id'>): Decoration => ({ prefix: '- ', suffix: ` (review #${r.id})\n` }),
  projectFile: (): Decoration => ({ prefix: '', suffix: '\n' }),
};
