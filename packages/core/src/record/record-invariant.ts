import { invariantScopes, invariantSeverities, invariantValidationTypes } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, nowIso, tokensFor } from '../core-handle.js';
import { writeTransaction } from '../transaction.js';
import type { Invariant } from '../types.js';
import { domain, limits, oneOf, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const invariantInput = v.object({
  statement: text(limits.shortText),
  rationale: text(limits.longText),
  domain: v.optional(v.nullable(domain)),
  scope: v.optional(oneOf(invariantScopes), 'codebase'),
  severity: v.optional(oneOf(invariantSeverities), 'error'),
  validation_type: v.optional(v.nullable(oneOf(invariantValidationTypes))),
  validation_code: optionalText(limits.longText),
});

export type RecordInvariantInput = v.InferInput<typeof invariantInput>;

/** Records a statement that must always hold (active until deprecated or violated). */
export async function recordInvariant(ctx: CoreHandle, input: RecordInvariantInput): Promise<Invariant> {
  const data = parseInput(invariantInput, input);
  const now = nowIso(ctx);
  return writeTransaction(ctx.db, (trx) =>
    trx
      .insertInto('invariants')
      .values({
        statement: data.statement,
        rationale: data.rationale,
        domain: data.domain ?? null,
        scope: data.scope,
        severity: data.severity,
        validation_type: data.validation_type ?? null,
        validation_code: data.validation_code,
        token_count: tokensFor(ctx, 'invariant', data),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}
