import { invariantScopes, invariantSeverities, invariantValidationTypes } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, newItem } from '../core-handle.js';
import { insertRow } from '../rows.js';
import type { Invariant } from '../types.js';
import { limits, oneOf, optionalDomain, optionalText, orNull, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const invariantInput = v.object({
  statement: text(limits.shortText),
  rationale: text(limits.longText),
  domain: optionalDomain,
  scope: v.optional(oneOf(invariantScopes), 'codebase'),
  severity: v.optional(oneOf(invariantSeverities), 'error'),
  validation_type: orNull(oneOf(invariantValidationTypes)),
  validation_code: optionalText(limits.longText),
});

export type RecordInvariantInput = v.InferInput<typeof invariantInput>;

/** Records a statement that must always hold (active until deprecated or violated). */
export async function recordInvariant(ctx: CoreHandle, input: RecordInvariantInput): Promise<Invariant> {
  const data = parseInput(invariantInput, input);
  return insertRow(ctx.db, 'invariants', { ...data, ...newItem(ctx, 'invariant', data) });
}
