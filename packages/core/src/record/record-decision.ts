import { decisionStatuses } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso, tokensFor } from '../core-handle.js';
import { toDecision } from '../mappers.js';
import { writeTransaction } from '../transaction.js';
import type { Decision } from '../types.js';
import { domain, limits, oneOf, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const decisionInput = v.object({
  title: text(limits.title),
  context: text(limits.longText),
  decision: text(limits.longText),
  rationale: text(limits.longText),
  options: optionalText(limits.longText),
  domain: v.optional(v.nullable(domain)),
  status: v.optional(oneOf(decisionStatuses), 'accepted'),
  files_touched: v.optional(v.nullable(v.union([v.string(), v.array(v.string())])), null),
  tests_added: v.optional(v.nullable(v.union([v.string(), v.array(v.string())])), null),
});

export type RecordDecisionInput = v.InferInput<typeof decisionInput>;

function jsonList(value: string | string[] | null): string | null {
  if (value === null) return null;
  const list = (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter(Boolean);
  return list.length > 0 ? JSON.stringify([...new Set(list)]) : null;
}

/** Records an architecture decision (ADR); accepted unless another status is given. */
export async function recordDecision(ctx: CoreHandle, input: RecordDecisionInput): Promise<Decision> {
  const data = parseInput(decisionInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('decisions')
      .values({
        title: data.title,
        context: data.context,
        decision: data.decision,
        rationale: data.rationale,
        options_considered: data.options,
        domain: data.domain ?? null,
        status: data.status,
        files_touched: jsonList(data.files_touched ?? null),
        tests_added: jsonList(data.tests_added ?? null),
        token_count: tokensFor(ctx, 'decision', data),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDecision(row);
  });
}
