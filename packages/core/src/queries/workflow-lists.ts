import { ceoReviewStatuses, type Database, experimentStatuses } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import type { CeoReview, Experiment, Page } from '../types.js';
import { limit, offset, oneOf } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { fetchPage, type PageParams, paged } from './paging.js';

// Experiments and CEO reviews are listed alike: one status (the open one by default), newest first.

type WorkflowTable = 'experiments' | 'ceo_reviews';
type InStatus<Status> = PageParams & { status: Status };

function inStatusNewestFirst(
  db: Kysely<Database>,
  table: WorkflowTable,
  params: InStatus<Experiment['status'] | CeoReview['status']>,
) {
  return db
    .selectFrom(table)
    .selectAll()
    .where('status', '=', params.status)
    .orderBy('created_at', 'desc')
    .$call(paged(params));
}

const experimentsInput = v.object({ status: v.optional(oneOf(experimentStatuses), 'active'), limit, offset });
export type ExperimentsInput = v.InferInput<typeof experimentsInput>;

export function experimentsQuery(db: Kysely<Database>, params: InStatus<Experiment['status']>) {
  return inStatusNewestFirst(db, 'experiments', params).$castTo<Experiment>();
}

/** Experiments by status (default active), newest first. */
export async function listExperiments(
  ctx: CoreHandle,
  input: ExperimentsInput = {},
): Promise<{ experiments: Experiment[]; page: Page }> {
  const data = parseInput(experimentsInput, input);
  const { rows, page } = await fetchPage(data, experimentsQuery(ctx.db, data));
  return { experiments: rows, page };
}

const reviewsInput = v.object({ status: v.optional(oneOf(ceoReviewStatuses), 'pending'), limit, offset });
export type CeoReviewsInput = v.InferInput<typeof reviewsInput>;

export function ceoReviewsQuery(db: Kysely<Database>, params: InStatus<CeoReview['status']>) {
  return inStatusNewestFirst(db, 'ceo_reviews', params).$castTo<CeoReview>();
}

/** CEO reviews by status (default pending), newest first. */
export async function listCeoReviews(
  ctx: CoreHandle,
  input: CeoReviewsInput = {},
): Promise<{ ceoReviews: CeoReview[]; page: Page }> {
  const data = parseInput(reviewsInput, input);
  const { rows, page } = await fetchPage(data, ceoReviewsQuery(ctx.db, data));
  return { ceoReviews: rows, page };
}
