import { decisionStatuses } from '@elf/schema';
import * as v from 'valibot';
import { type CoreHandle, newItem } from '../core-handle.js';
import { toDecision } from '../mappers.js';
import { insertRow } from '../rows.js';
import type { Decision } from '../types.js';
import { limits, oneOf, optionalDomain, optionalText, orNull, text } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';

const decisionInput = v.object({
  title: text(limits.title),
  context: text(limits.longText),
  decision: text(limits.longText),
  rationale: text(limits.longText),
  options: optionalText(limits.longText),
  domain: optionalDomain,
  status: v.optional(oneOf(decisionStatuses), 'accepted'),
  files_touched: orNull(v.union([v.string(), v.array(v.string())])),
  tests_added: orNull(v.union([v.string(), v.array(v.string())])),
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
  const { options, files_touched, tests_added, ...fields } = data;
  const row = await insertRow(ctx.db, 'decisions', {
    ...fields,
    options_considered: options,
    files_touched: jsonList(files_touched),
    tests_added: jsonList(tests_added),
    ...newItem(ctx, 'decision', data),
  });
  return toDecision(row);
}
