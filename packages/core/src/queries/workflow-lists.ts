import { ceoReviewStatuses, type Database, experimentStatuses } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { page } from '../mappers.js';
import type { CeoReview, Experiment, Page } from '../types.js';
import { limit, offset, oneOf } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const experimentsInput = v.object({ status: v.optional(oneOf(experimentStatuses), 'active'), limit, offset });
export type ExperimentsInput = v.InferInput<typeof experimentsInput>;

export function experimentsQuery(
  db: Kysely<Database>,
  params: { status: Experiment['status']; limit: number; offset: number },
) {
  return db
    .selectFrom('experiments')
    .selectAll()
    .where('status', '=', params.status)
    .orderBy('created_at', 'desc')
    .limit(params.limit)
    .offset(params.offset);
}

/** Experiments by status (default active), newest first. */
export async function listExperiments(
  ctx: CoreHandle,
  input: ExperimentsInput = {},
): Promise<{ experiments: Experiment[]; page: Page }> {
  const data = parseInput(experimentsInput, input);
  const rows = await experimentsQuery(ctx.db, data).execute();
  return { experiments: rows, page: page(data.limit, data.offset, rows.length) };
}

const reviewsInput = v.object({ status: v.optional(oneOf(ceoReviewStatuses), 'pending'), limit, offset });
export type CeoReviewsInput = v.InferInput<typeof reviewsInput>;

export function ceoReviewsQuery(
  db: Kysely<Database>,
  params: { status: CeoReview['status']; limit: number; offset: number },
) {
  return db
    .selectFrom('ceo_reviews')
    .selectAll()
    .where('status', '=', params.status)
    .orderBy('created_at', 'desc')
    .limit(params.limit)
    .offset(params.offset);
}

/** CEO reviews by status (default pending), newest first. */
export async function listCeoReviews(
  ctx: CoreHandle,
  input: CeoReviewsInput = {},
): Promise<{ ceoReviews: CeoReview[]; page: Page }> {
  const data = parseInput(reviewsInput, input);
  const rows = await ceoReviewsQuery(ctx.db, data).execute();
  return { ceoReviews: rows, page: page(data.limit, data.offset, rows.length) };
}
