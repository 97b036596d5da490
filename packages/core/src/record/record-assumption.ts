import * as v from 'valibot';
import { type CoreHandle, nowIso, tokensFor } from '../core-handle.js';
import { writeTransaction } from '../transaction.js';
import type { Assumption } from '../types.js';
import { confidence, domain, limits, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const assumptionInput = v.object({
  assumption: text(limits.shortText),
  context: optionalText(limits.longText),
  source: optionalText(limits.shortText),
  confidence: v.optional(confidence, 0.5),
  domain: v.optional(v.nullable(domain)),
});

export type RecordAssumptionInput = v.InferInput<typeof assumptionInput>;

/** Records an active assumption: something believed but not yet proven. */
export async function recordAssumption(ctx: CoreHandle, input: RecordAssumptionInput): Promise<Assumption> {
  const data = parseInput(assumptionInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, (trx) =>
    trx
      .insertInto('assumptions')
      .values({
        assumption: data.assumption,
        context: data.context,
        source: data.source,
        confidence: data.confidence,
        domain: data.domain ?? null,
        token_count: tokensFor(ctx, 'assumption', data),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}
