import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { toSpikeReport } from '../mappers.js';
import { changeRow } from '../rows.js';
import type { SpikeReport } from '../types.js';
import { decimal, id } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

/** 0..5; numeric strings accepted (they come from argv). NaN, Infinity and words are refused. */
export const rating = decimal(0, 5);

/**
 * The running average after one more rating. Same formula as the original's
 * POST /spike-reports/{id}/rate: (score·n + rating)/(n+1) with n = access_count before.
 * Differences: the result is rounded to 4 dp and kept within 0..5 (the column's CHECK), so float
 * drift never fails the write; access_count counts ratings only here (nothing else increments it).
 */
export function ratedScore(score: number, ratings: number, newRating: number): number {
  const average = (score * ratings + newRating) / (ratings + 1);
  return Math.min(5, Math.max(0, Math.round(average * 10_000) / 10_000));
}

const rateInput = v.object({ id, rating });
export type RateSpikeReportInput = v.InferInput<typeof rateInput>;

/** Rates how useful a spike report was; usefulness_score is the running average of all ratings. */
export async function rateSpikeReport(ctx: CoreHandle, input: RateSpikeReportInput): Promise<SpikeReport> {
  const data = parseInput(rateInput, input);
  const now = nowIso(ctx);
  const rated = await changeRow(ctx.db, 'spike_reports', data.id, (row) => ({
    usefulness_score: ratedScore(row.usefulness_score, row.access_count, data.rating),
    access_count: row.access_count + 1,
    updated_at: now,
  }));
  return toSpikeReport(rated);
}
