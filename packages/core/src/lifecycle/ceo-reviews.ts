import { ElfError } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso } from '../core-handle.js';
import { fetchPage, paged } from '../queries/paging.js';
import { changeRow } from '../rows.js';
import type { CeoReview, Page } from '../types.js';
import { id, limit, limits, offset, oneOf, optionalText } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

export const ceoReviewDecisions = ['approved', 'rejected'] as const;

const decideInput = v.object({
  id,
  decision: oneOf(ceoReviewDecisions),
  note: optionalText(limits.longText),
});
export type DecideCeoReviewInput = v.InferInput<typeof decideInput>;

/** Approves or rejects a pending review, once: a decided review stays decided. */
export async function decideCeoReview(ctx: CoreHandle, input: DecideCeoReviewInput): Promise<CeoReview> {
  const data = parseInput(decideInput, input);
  const now = nowIso(ctx);
  return changeRow(ctx.db, 'ceo_reviews', data.id, (row) => {
    if (row.status !== 'pending') {
      throw new ElfError('INVALID_INPUT', `id: review #${row.id} is already ${row.status}`, { field: 'id' });
    }
    return { status: data.decision, decision_note: data.note, reviewed_at: now };
  });
}

const allInput = v.object({ limit, offset });
export type AllCeoReviewsInput = v.InferInput<typeof allInput>;

/** Every review whatever its status, newest first (listCeoReviews lists one status). */
export async function listAllCeoReviews(
  ctx: CoreHandle,
  input: AllCeoReviewsInput = {},
): Promise<{ ceoReviews: CeoReview[]; page: Page }> {
  const data = parseInput(allInput, input);
  const newestFirst = ctx.db
    .selectFrom('ceo_reviews')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .$call(paged(data));
  const { rows, page } = await fetchPage(data, newestFirst);
  return { ceoReviews: rows, page };
}
