import * as v from 'valibot';
import { type CoreHandle, newItem } from '../core-handle.js';
import { insertRow } from '../rows.js';
import type { Assumption } from '../types.js';
import { confidence, limits, optionalDomain, optionalText, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const assumptionInput = v.object({
  assumption: text(limits.shortText),
  context: optionalText(limits.longText),
  source: optionalText(limits.shortText),
  confidence: v.optional(confidence, 0.5),
  domain: optionalDomain,
});

export type RecordAssumptionInput = v.InferInput<typeof assumptionInput>;

/** Records an active assumption: something believed but not yet proven. */
export async function recordAssumption(ctx: CoreHandle, input: RecordAssumptionInput): Promise<Assumption> {
  const data = parseInput(assumptionInput, input);
  return insertRow(ctx.db, 'assumptions', { ...data, ...newItem(ctx, 'assumption', data) });
}
