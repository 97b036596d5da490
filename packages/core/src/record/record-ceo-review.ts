import * as v from 'valibot';
import { type CoreHandle, nowIso, tokensFor } from '../core-handle.js';
import { insertRow } from '../rows.js';
import type { CeoReview } from '../types.js';
import { limits, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const ceoReviewInput = v.object({
  title: text(limits.title),
  context: optionalText(limits.longText),
  recommendation: optionalText(limits.longText),
});

export type RecordCeoReviewInput = v.InferInput<typeof ceoReviewInput>;

/** Opens an escalation for a human to approve or reject. */
export async function recordCeoReview(ctx: CoreHandle, input: RecordCeoReviewInput): Promise<CeoReview> {
  const data = parseInput(ceoReviewInput, input);
  return insertRow(ctx.db, 'ceo_reviews', {
    ...data,
    token_count: tokensFor(ctx, 'ceo_review', data),
    created_at: nowIso(ctx),
  });
}
